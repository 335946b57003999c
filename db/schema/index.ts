export * from './users';
export * from './member-states';
export * from './plans';
export * from './documents';
