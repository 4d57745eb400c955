export * from './ids';
export * from './market';
export * from './money';
export * from './caseType';
export * from './caseStatus';
export * from './case';
export * from './user';
export * from './workflow';
