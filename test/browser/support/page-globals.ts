/**
 * The few browser objects the tests touch inside `page.evaluate` callbacks, typed narrowly: the
 * test project has no DOM lib (adding it would change the types of every Node test).
 * Inside a callback: `const w = globalThis as unknown as PageWindow;`.
 */

export interface RenderedFeature {
  id?: string | number;
  source: string;
  layer: { id: string; type: string };
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export interface GeoJsonData {
  type?: string;
  features?: { id?: unknown; properties?: Record<string, unknown> | null }[];
}

export interface MapSource {
  type: string;
  getData?: () => Promise<GeoJsonData>;
}

/** The part of the maplibre-gl Map the tests use. */
export interface MapHandle {
  queryRenderedFeatures(options?: { layers?: string[] }): RenderedFeature[];
  querySourceFeatures(sourceId: string): { properties: Record<string, unknown> | null }[];
  getStyle(): {
    sources: Record<string, { type: string }>;
    layers: { id: string; type: string; source?: string }[];
  };
  getSource(id: string): MapSource | undefined;
  getLayoutProperty(layerId: string, name: string): unknown;
  setLayoutProperty(layerId: string, name: string, value: unknown): void;
  project(lngLat: [number, number]): { x: number; y: number };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  once(event: 'idle', listener: () => void): void;
  triggerRepaint(): void;
  loaded(): boolean;
  getCanvas(): PageElement;
}

export interface PageElement {
  textContent: string | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

export interface PageWindow {
  __legocityMap?: MapHandle;
  __legocityMapReady?: boolean;
  __xss?: unknown;
  innerWidth: number;
  document: {
    activeElement: PageElement | null;
    documentElement: { scrollWidth: number; clientWidth: number };
    body: { scrollWidth: number };
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    elementFromPoint(x: number, y: number): PageElement | null;
  };
  axe?: {
    run(
      context?: unknown,
      options?: unknown,
    ): Promise<{ violations: AxeViolation[]; passes: unknown[] }>;
  };
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}
