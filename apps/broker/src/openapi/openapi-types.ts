/**
 * The parts of OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0) this broker's document uses.
 * Schemas are JSON Schema 2020-12 objects, kept loosely typed on purpose: the structural test
 * (openapi-structure.test-support.ts) checks what matters to readers and tools.
 */

export type SchemaObject = Record<string, unknown>;

export interface ReferenceObject {
  $ref: string;
  description?: string;
}

export interface ExampleObject {
  summary?: string;
  description?: string;
  value: unknown;
}

export interface MediaTypeObject {
  schema: SchemaObject | ReferenceObject;
  examples?: Record<string, ExampleObject>;
}

export interface HeaderObject {
  description: string;
  required?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

export interface RequestBodyObject {
  description: string;
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: (ParameterObject | ReferenceObject)[];
  requestBody?: RequestBodyObject;
  /** `[]`: no API key needed (overrides the document's security). */
  security?: Record<string, string[]>[];
  responses: Record<string, ResponseObject | ReferenceObject>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export type Paths = Record<string, PathItemObject>;

export interface ComponentsObject {
  schemas: Record<string, SchemaObject>;
  parameters: Record<string, ParameterObject>;
  headers: Record<string, HeaderObject>;
  responses: Record<string, ResponseObject>;
  securitySchemes?: Record<string, Record<string, unknown>>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: {
    title: string;
    version: string;
    summary: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Paths;
  components: ComponentsObject;
  security?: Record<string, string[]>[];
}
