import { describe, expect, it } from 'vitest';
import { ERROR_TYPES, errorTypeUri } from '@legocity/ngsi-ld';
import { DEFAULT_LIMITS } from '../broker-context.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { checkOpenApiStructure } from './openapi-structure.test-support.js';
import { HTTP_METHODS, type OperationObject, type ParameterObject } from './openapi-types.js';

const document = buildOpenApiDocument({
  version: '1.2.3',
  serverUrl: 'https://city.example/broker/',
});

function operations(): { method: string; path: string; op: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ method, path, op: item[method] }] : [])),
  );
}

function componentParameter(ref: unknown): ParameterObject | undefined {
  const name = (ref as { $ref?: string }).$ref?.split('/').pop();
  return name ? document.components.parameters[name] : (ref as ParameterObject);
}

describe('buildOpenApiDocument', () => {
  it('is a structurally valid OpenAPI 3.1 document whose every $ref resolves', () => {
    expect(checkOpenApiStructure(document)).toEqual([]);
  });

  it('names the public URL as its server and the broker version as its version', () => {
    expect(document.servers).toEqual([
      { url: 'https://city.example/broker', description: 'This broker' },
    ]);
    expect(document.info.version).toBe('1.2.3');
  });

  it('cites the spec clause at the start of every NGSI-LD operation', () => {
    const ngsiLd = operations().filter(
      ({ op }) => !['Operations', 'Documentation', 'Admin'].includes(op.tags[0] ?? ''),
    );
    expect(ngsiLd.length).toBeGreaterThan(20);
    for (const { method, path, op } of ngsiLd) {
      expect(op.description, `${method} ${path}`).toMatch(/^ETSI GS CIM 009 v1\.8\.1 §\d+(\.\d+)+/);
    }
  });

  it('states the limits the broker enforces', () => {
    const limits = {
      ...DEFAULT_LIMITS,
      maxBatchEntities: 50,
      maxQueryLimit: 200,
      defaultQueryLimit: 10,
    };
    const custom = buildOpenApiDocument({
      version: 'x',
      serverUrl: 'http://localhost:1026',
      limits,
    });
    expect(custom.components.parameters.limit?.schema).toMatchObject({ default: 10, maximum: 200 });
    expect(
      custom.paths['/ngsi-ld/v1/entityOperations/create']?.post?.requestBody?.content[
        'application/json'
      ]?.schema,
    ).toMatchObject({
      maxItems: 50,
    });
    expect(document.components.parameters.limit?.schema).toMatchObject({
      default: DEFAULT_LIMITS.defaultQueryLimit,
      maximum: DEFAULT_LIMITS.maxQueryLimit,
    });
  });

  it('accepts application/merge-patch+json only on Merge Entity', () => {
    const withMergePatch = operations()
      .filter(({ op }) => op.requestBody?.content['application/merge-patch+json'])
      .map(({ method, path }) => `${method} ${path}`);
    expect(withMergePatch).toEqual(['patch /ngsi-ld/v1/entities/{entityId}']);
  });

  it('answers 201 with a Location header when creating an entity or a @context', () => {
    for (const path of ['/ngsi-ld/v1/entities', '/ngsi-ld/v1/jsonldContexts']) {
      const created = document.paths[path]?.post?.responses['201'];
      expect(
        created && 'headers' in created ? created.headers?.Location : undefined,
        path,
      ).toBeDefined();
    }
  });

  it('lists every NGSI-LD error type with its status in ProblemDetails', () => {
    const schema = document.components.schemas.ProblemDetails as {
      properties: { type: { enum: string[] } };
      description: string;
    };
    for (const [name, { status }] of Object.entries(ERROR_TYPES)) {
      const uri = errorTypeUri(name as keyof typeof ERROR_TYPES);
      expect(schema.properties.type.enum).toContain(uri);
      expect(schema.description).toContain(`| ${name} | ${status} | ${uri} |`);
    }
  });

  it('gives every error example the status of the response it is filed under', () => {
    for (const { method, path, op } of operations()) {
      for (const [status, answer] of Object.entries(op.responses)) {
        const name = '$ref' in answer ? answer.$ref.split('/').pop() : undefined;
        const component = name ? document.components.responses[name] : undefined;
        for (const example of Object.values(
          component?.content?.['application/json']?.examples ?? {},
        )) {
          expect((example.value as { status: number }).status, `${method} ${path} ${status}`).toBe(
            Number(status),
          );
        }
      }
    }
  });

  it('describes every parameter with its location, a schema and a sentence', () => {
    for (const { method, path, op } of operations()) {
      for (const ref of op.parameters ?? []) {
        const parameter = componentParameter(ref);
        expect(
          parameter?.description.length,
          `${method} ${path} ${parameter?.name}`,
        ).toBeGreaterThan(10);
      }
    }
  });
});

describe('checkOpenApiStructure', () => {
  it('reports a $ref that does not resolve and a path parameter that is not declared', () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/things/{id}': {
          get: { responses: { '200': { $ref: '#/components/responses/Missing' } } },
        },
      },
    };
    expect(checkOpenApiStructure(broken)).toEqual([
      '#/paths//things/{id}/get/responses/200: $ref #/components/responses/Missing does not resolve',
      'GET /things/{id}: path parameter id is not declared',
      'GET /things/{id} 200: a response needs a description',
    ]);
  });
});

describe('the security of the OpenAPI document', () => {
  it('asks for the bearer API key everywhere but health, metrics, version and the docs', () => {
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect(document.components.securitySchemes?.apiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const open = operations()
      .filter(({ op }) => op.security?.length === 0)
      .map(({ path }) => path);
    expect(open).toEqual(
      expect.arrayContaining(['/health', '/metrics', '/version', '/ngsi-ld/v1/openapi.json']),
    );
    expect(
      open.some((path) => path.startsWith('/admin') || path.startsWith('/ngsi-ld/v1/entities')),
    ).toBe(false);
  });
});
