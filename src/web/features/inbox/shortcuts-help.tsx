import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SHORTCUTS: [string[], string][] = [
  [['j'], 'next'], [['k'], 'previous'], [['Enter'], 'enter'], [['r'], 'reply'], [['e'], 'resolve'],
  [['Ctrl', 'Enter'], 'send'], [['?'], 'help'],
];

export function ShortcutsHelp(props: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('inbox');
  return (
    // No focus return: the help is opened from anywhere by a key, and handing focus back to a list row on
    // close would take it from the next shortcut (r: the reply box).
    <Modal opened={props.opened} onClose={props.onClose} title={t('shortcuts.title')} data-testid="shortcuts-help" returnFocus={false}>
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{keys.map((k, i) => <span key={k}>{i > 0 && ' + '}<Kbd>{k}</Kbd></span>)}</Table.Td>
              <Table.Td>{t(`shortcuts.${what}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
