import { createDirectus, createUser, login, readPolicies, readRoles, rest, staticToken } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ADMIN } from './test-server';

export type Client = ReturnType<typeof clientWithToken>;

function clientWithToken(url: string, token: string) {
  return createDirectus<any>(url).with(staticToken(token)).with(rest());
}

export function baseUrl(): string {
  const url = inject('baseUrl');
  if (!url) throw new Error('no test server: run through `npm test` or set AFTER_SALES_TEST_URL');
  return url;
}

/** Logs in over HTTP with e-mail and password, the way the admin app does. */
export async function loginAs(email: string, password: string, url = baseUrl()): Promise<Client> {
  const auth = await createDirectus<any>(url).with(rest()).request(login({ email, password }));
  if (!auth.access_token) throw new Error(`no access token for ${email}`);
  return clientWithToken(url, auth.access_token);
}

export const asAdmin = (url = baseUrl()) => loginAs(ADMIN.email, ADMIN.password, url);

export interface StaffUser {
  email: string;
  password: string;
  id: string;
  client: Client;
}

/**
 * A fresh user of a department role (roles.name), optionally holding approval policies
 * (policies.name, e.g. 业务部经理), created by the administrator the way the admin UI does it.
 */
export async function createStaffUser(roleName: string, policyNames: string[] = [], url = baseUrl()): Promise<StaffUser> {
  const admin = await asAdmin(url);
  const [role] = await admin.request(readRoles({ filter: { name: { _eq: roleName } }, fields: ['id'] }));
  if (!role) throw new Error(`role ${roleName} does not exist`);
  const policies = policyNames.length ? await admin.request(readPolicies({ filter: { name: { _in: policyNames } }, fields: ['id'] })) : [];
  const email = `${randomUUID().slice(0, 8)}@staff.example.com`;
  const password = 'Staff@12345';
  const user = await admin.request(
    createUser({
      email,
      password,
      first_name: roleName,
      last_name: '测试员',
      role: role.id,
      policies: { create: policies.map((policy) => ({ policy: policy['id'] })) } as any,
    }),
  );
  return { email, password, id: user.id as string, client: await loginAs(email, password, url) };
}

/** The HTTP status and first message of a rejected SDK request. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string; code?: string }> {
  try {
    await promise;
  } catch (error: any) {
    return {
      status: error?.response?.status ?? 0,
      message: error?.errors?.[0]?.message ?? String(error),
      code: error?.errors?.[0]?.extensions?.code,
    };
  }
  throw new Error('expected the request to be refused, but it succeeded');
}

export interface EndpointResponse {
  status: number;
  type: string;
  text: string;
  json: any;
}

/** Calls one of the console's own endpoints (/after-sales/…) as the client's user. */
export async function callEndpoint(
  client: Client,
  method: string,
  route: string,
  body?: unknown,
  url = baseUrl(),
): Promise<EndpointResponse> {
  const token: string = await (client as any).getToken();
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    json: text.startsWith('{') ? JSON.parse(text) : null,
  };
}

/** The print-ready letter of a case (GET /after-sales/letters/preview) as the client's user renders it. */
export const previewLetter = (client: Client, template: string, collection: string, item: string | number) =>
  callEndpoint(client, 'GET', `/after-sales/letters/preview?${new URLSearchParams({ template, collection, item: String(item) })}`);

/**
 * Makes a complaint move (POST /after-sales/complaints/:id/moves) as the client's user and returns
 * the complaint as the user reads it afterwards; a refusal throws like an SDK request (see failure).
 */
export async function moveComplaint(
  client: Client,
  id: number | string,
  to: string,
  values: Record<string, unknown> = {},
  opinion?: string,
  url = baseUrl(),
): Promise<any> {
  const response = await callEndpoint(client, 'POST', `/after-sales/complaints/${id}/moves`, { to, values, opinion }, url);
  if (response.status >= 400)
    throw Object.assign(new Error(response.text), { response: { status: response.status }, errors: response.json?.errors });
  return response.json.data.complaint;
}
