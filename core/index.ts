export * from './calendar/index.ts';
export * from './deadlines/index.ts';
export * from './evaluation/index.ts';
export * from './labels.ts';
export * from './register/index.ts';
export * from './retention/index.ts';
export * from './schemas/index.ts';
export * from './sync/index.ts';
