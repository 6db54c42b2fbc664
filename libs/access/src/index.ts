export * from './case-access';
export * from './endpoint-roles';
