export * from './enums.ts';
export * from './organizations.ts';
export * from './accounts.ts';
export * from './contacts.ts';
export * from './channels.ts';
export * from './conversations.ts';
export * from './knowledge.ts';
export * from './events.ts';
