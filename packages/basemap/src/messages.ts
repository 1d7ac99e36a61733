/** Problems with offlineStyle() options, each naming the option and the rule it breaks. */
export const messages = {
  invalidStyleOptions: (problems: readonly string[]) =>
    `Basemap style options are invalid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
  emptyUrl: (field: string) => `${field}: must be a non-empty URL or path, such as '/basemap'`,
  unknownTheme: (value: unknown) =>
    `theme: must be 'light' or 'dark', got ${JSON.stringify(value)}`,
  emptyId: (field: string) => `${field}: must be a non-empty string`,
  reservedId: (field: string, id: string) =>
    `${field}: '${id}' starts with 'basemap-', which is reserved for the basemap's own sources and layers`,
  duplicateId: (field: string, id: string) =>
    `${field}: '${id}' is used more than once; ids must be unique`,
  noLayers: (field: string) => `${field}: must list at least one layer`,
  unknownLayerType: (field: string, value: unknown) =>
    `${field}: must be 'line', 'fill' or 'symbol', got ${JSON.stringify(value)}`,
  missingData: (field: string) => `${field}: must be a URL or a GeoJSON object`,
} as const;
