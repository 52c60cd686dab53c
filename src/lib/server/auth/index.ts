export * from './session';
export * from './password';
export * from './rate-limit';
