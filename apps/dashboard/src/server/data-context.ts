import type { Payload } from 'payload';
import type { Reader } from '../site/load-views.js';
import type { DataServices } from './data-services.js';

/** Everything a data route needs for one request. */
export interface DataContext {
  payload: Payload;
  /** The signed-in reader, or null (anonymous). */
  reader: Reader;
  services: DataServices;
  /** Who is asking, for the rate limit (an IP address, or 'unknown'). */
  client: string;
  /** Told of every failure with its status, e.g. to log the cause of a 500. */
  onError?: (error: unknown, status: number) => void;
}
