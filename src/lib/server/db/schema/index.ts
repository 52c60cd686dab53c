export * from './towns';
export * from './users';
export * from './audit';
export * from './settings';
export * from './streets';
export * from './badges';
export * from './events';
export * from './campaign';
