// The signature algorithm against Twilio's own documented example, and the URL Twilio is taken to have called.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseForm, signingUrl, twilioSignature, urlVariants, verifyTwilioSignature } from './twilio-signature.ts';

// From Twilio's "validating requests" examples (auth token 12345).
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' };

describe('X-Twilio-Signature', () => {
  it('matches the documented example signature', () => {
    assert.equal(twilioSignature('12345', url, Object.entries(params)), 'GvWf1cFY/Q7PnoempGyD5oXAezc=');
    const other = { ...params, Caller: '+14158675309', From: '+14158675309' };
    assert.equal(twilioSignature('12345', url, Object.entries(other)), 'RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('does not depend on the order of the fields, and decodes the form as Twilio sent it', () => {
    const form = 'To=%2B18005551212&From=%2B14158675310&Digits=1234&Caller=%2B14158675310&CallSid=CA1234567890ABCDE';
    assert.ok(verifyTwilioSignature('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, parseForm(form)));
    assert.ok(!verifyTwilioSignature('12345', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, parseForm(`${form}&Extra=1`)));
    assert.ok(!verifyTwilioSignature('12345', undefined, url, parseForm(form)));
    assert.ok(!verifyTwilioSignature('54321', 'GvWf1cFY/Q7PnoempGyD5oXAezc=', url, parseForm(form)));
  });

  it('tries the URL with and without its default port, never re-encoding it', () => {
    assert.deepEqual(urlVariants('https://a.example/hooks/x?q=%20'), ['https://a.example/hooks/x?q=%20', 'https://a.example:443/hooks/x?q=%20']);
    assert.deepEqual(urlVariants('https://a.example:8443/h'), ['https://a.example:8443/h', 'https://a.example/h']);
    assert.deepEqual(urlVariants('http://user:pw@a.example/h'), ['http://a.example/h', 'http://a.example:80/h']);
  });

  it('builds the signed URL from the configured base, else the forwarded scheme and host', () => {
    const request = { protocol: 'https', host: 'relais.internal:3000', url: '/hooks/sms/k?x=1' };
    assert.equal(signingUrl(request, 'https://support.example.com/', undefined), 'https://support.example.com/hooks/sms/k?x=1');
    assert.equal(signingUrl(request, undefined, 'https://example.org/relais'), 'https://example.org/relais/hooks/sms/k?x=1');
    assert.equal(signingUrl(request, undefined, undefined), 'https://relais.internal:3000/hooks/sms/k?x=1');
  });
});
