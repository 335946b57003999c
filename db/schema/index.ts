export * from './users';
export * from './member-states';
export * from './plans';
export * from './documents';
export * from './invitations';
export * from './audit';
export * from './versions';
