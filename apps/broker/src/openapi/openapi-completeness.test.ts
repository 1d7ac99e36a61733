import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { RouteTable } from '../http/route-kit.js';
import {
  appWithoutDatabase,
  routeTableWithoutDatabase,
} from './app-without-database.test-support.js';
import { buildOpenApiDocument } from './openapi-document.js';
import {
  HTTP_METHODS,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
} from './openapi-types.js';

const document = buildOpenApiDocument({ version: 'test', serverUrl: 'http://localhost:1026' });
const routes = routeTableWithoutDatabase().list();

/** Fastify's `:name` path syntax in OpenAPI's `{name}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

function key(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

function documented(): Map<string, OperationObject> {
  const operations = new Map<string, OperationObject>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op) operations.set(key(method, path), op);
    }
  }
  return operations;
}

function queryParameterNames(op: OperationObject): string[] {
  return (op.parameters ?? [])
    .map((p: ParameterObject | ReferenceObject) =>
      '$ref' in p ? document.components.parameters[p.$ref.split('/').pop() ?? ''] : p,
    )
    .filter((p): p is ParameterObject => p?.in === 'query')
    .map((p) => p.name);
}

describe('the OpenAPI document against the routes the broker registers', () => {
  it('describes every registered route with the same method and path', () => {
    const operations = documented();
    const missing = routes
      .map((r) => key(r.method, openApiPath(r.url)))
      .filter((k) => !operations.has(k));
    expect(missing).toEqual([]);
  });

  it('documents exactly the query parameters each route accepts', () => {
    const operations = documented();
    for (const route of routes) {
      const op = operations.get(key(route.method, openApiPath(route.url)));
      expect(queryParameterNames(op!).sort(), key(route.method, route.url)).toEqual(
        [...route.query].sort(),
      );
    }
  });

  it('documents a request body exactly where the route takes one', () => {
    const operations = documented();
    for (const route of routes) {
      const op = operations.get(key(route.method, openApiPath(route.url)));
      expect(op?.requestBody !== undefined, key(route.method, route.url)).toBe(
        route.hasBody === true,
      );
    }
  });

  it('documents no operation the broker does not register', () => {
    const registered = new Set(routes.map((r) => key(r.method, openApiPath(r.url))));
    expect([...documented().keys()].filter((k) => !registered.has(k))).toEqual([]);
  });
});

describe('the route table used above', () => {
  let app: FastifyInstance;
  let appRoutes: ReturnType<RouteTable['list']>;

  beforeAll(async () => {
    // Capture the RouteTable of the real app (buildApp), so a register*Routes call added there
    // but not to routeTableWithoutDatabase() fails this test.
    const register = vi.spyOn(RouteTable.prototype, 'register');
    app = await appWithoutDatabase({ publicUrl: 'http://localhost:1026' });
    const table = register.mock.contexts[0] as RouteTable;
    appRoutes = table.list();
    register.mockRestore();
  });

  afterAll(async () => {
    await app.close();
  });

  it('is the one the real app builds', () => {
    const summary = (list: typeof routes) =>
      list.map((r) => `${r.method} ${r.url} ?${[...r.query].join(',')}`).sort();
    expect(summary(appRoutes)).toEqual(summary(routes));
  });

  it('holds routes the real app serves', () => {
    for (const route of routes) {
      expect(
        app.hasRoute({ method: route.method, url: route.url }),
        key(route.method, route.url),
      ).toBe(true);
    }
  });
});
