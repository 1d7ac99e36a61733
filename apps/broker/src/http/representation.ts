import { NgsiLdError, type ActiveContext, type FormatOptions } from '@legocity/ngsi-ld';
import { parseOptions } from './query-params.js';
import { GEO_JSON, JSON_LD, type ResponseMediaType } from './media-types.js';
import { parseNames } from './names.js';

/** Query parameters that shape how entities are rendered (§6.3.7, §6.3.17, §4.15, §4.21). */
export const REPRESENTATION_PARAMS = [
  'options',
  'format',
  'pick',
  'omit',
  'lang',
  'geometryProperty',
] as const;

const LITERAL_MEMBERS = new Set(['id', 'type', 'scope']);
const FORMATS = {
  normalized: 'normalized',
  concise: 'concise',
  keyValues: 'keyValues',
  simplified: 'keyValues',
} as const;
// One entry of a §4.15 language filter: a BCP 47 range, optionally with a quality (`fr;q=0.5`).
const LANGUAGE_ENTRY =
  /^\s*(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\s*(?:;\s*q\s*=\s*(?:0(?:\.\d{1,3})?|1(?:\.0{1,3})?)\s*)?$/;

export interface Representation {
  format: Omit<FormatOptions, 'includeContext'>;
  /** Expanded name of the GeoProperty used as GeoJSON geometry. */
  geometryProperty: string;
}

/**
 * How to render entities for this request: representation (normalized, concise, keyValues), sysAttrs,
 * pick/omit projection, language filter and GeoJSON geometry property. geometryProperty is only
 * allowed when the answer is GeoJSON (§5.7.1.4, §5.7.2.4).
 * @example const representation = parseRepresentation(params, context, 'application/json')
 */
export function parseRepresentation(
  params: Record<string, string | undefined>,
  context: ActiveContext,
  mediaType: ResponseMediaType,
): Representation {
  if (params.geometryProperty !== undefined && mediaType !== GEO_JSON) {
    throw new NgsiLdError(
      'BadRequestData',
      `geometryProperty needs Accept: ${GEO_JSON} (the answer is ${mediaType})`,
      {
        field: 'geometryProperty',
      },
    );
  }
  const options = parseOptions(params.options, ['keyValues', 'concise', 'sysAttrs', 'normalized']);
  const chosen = (['normalized', 'concise', 'keyValues'] as const).filter((name) =>
    options.has(name),
  );
  if (chosen.length > 1) {
    throw new NgsiLdError(
      'BadRequestData',
      `options: ${chosen.join(' and ')} cannot be combined; choose one representation`,
      {
        field: 'options',
      },
    );
  }
  let representation: FormatOptions['representation'] = chosen[0] ?? 'normalized';
  if (params.format !== undefined) {
    const format = FORMATS[params.format as keyof typeof FORMATS];
    if (!format) {
      throw new NgsiLdError(
        'BadRequestData',
        `format must be one of ${Object.keys(FORMATS).join(', ')}`,
        { field: 'format' },
      );
    }
    if (chosen[0] !== undefined && chosen[0] !== format) {
      throw new NgsiLdError(
        'BadRequestData',
        `format=${params.format} contradicts options=${chosen[0]}`,
        {
          field: 'format',
        },
      );
    }
    representation = format;
  }
  if (
    params.lang !== undefined &&
    !params.lang.split(',').every((entry) => LANGUAGE_ENTRY.test(entry))
  ) {
    throw new NgsiLdError(
      'BadRequestData',
      `lang must be language tags with optional q-values, e.g. 'vi,en;q=0.5' (got '${params.lang}')`,
      {
        field: 'lang',
      },
    );
  }
  const pick =
    params.pick === undefined ? undefined : projection(parseNames(params.pick, 'pick'), context);
  const omit =
    params.omit === undefined ? undefined : projection(parseNames(params.omit, 'omit'), context);
  if (pick && omit) {
    throw new NgsiLdError('BadRequestData', 'pick and omit cannot be used together', {
      field: 'pick',
    });
  }
  const format: Representation['format'] = {
    context,
    representation,
    sysAttrs: options.has('sysAttrs'),
    ...(params.lang !== undefined ? { lang: params.lang } : {}),
    ...(pick ? { pick } : {}),
    ...(omit ? { omit } : {}),
  };
  return { format, geometryProperty: context.expandTerm(params.geometryProperty ?? 'location') };
}

/** Whether an ld+json body should carry its @context. */
export function includesContext(mediaType: ResponseMediaType): boolean {
  return mediaType === JSON_LD;
}

function projection(names: string[], context: ActiveContext): Set<string> {
  // id, type and scope are members of the entity, not attributes: they stay literal.
  return new Set(
    names.map((name) => (LITERAL_MEMBERS.has(name) ? name : context.expandTerm(name))),
  );
}
