/** The console contract: routes, answers and request schemas of `/api/admin/*`, in one import. */
export * from './routes';
export * from './answers';
export * from '../admin-api';
export * from '../tracing-api';
