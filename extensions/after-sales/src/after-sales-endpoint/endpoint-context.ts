import type { EndpointExtensionContext } from '@directus/types';
import type { DataAccess } from '../shared/data-access';
import type { RouteRequest } from './route';

/** What every group of routes receives: Directus's endpoint context and the business time zone. */
export type EndpointContext = Pick<EndpointExtensionContext, 'services' | 'database' | 'env' | 'logger'> & { timeZone: string };

/** The services and connection with the schema of this request. */
export const dataFor = ({ services, database }: EndpointContext, req: RouteRequest): DataAccess => ({
  services,
  database,
  schema: req.schema,
});
