/**
 * Vitest global setup: decides which storage drivers the suite runs against.
 * The embedded driver (PGlite + PostGIS) always runs. PostgreSQL runs when
 * LEGOCITY_TEST_DATABASE_URL is set (.ci/run sets it); when CI=true and it is missing, the
 * suite refuses to start, so the PostgreSQL tier can never be skipped silently in CI.
 */
export default function setup(): void {
  if (process.env.CI === 'true' && !process.env.LEGOCITY_TEST_DATABASE_URL) {
    throw new Error(
      'LEGOCITY_TEST_DATABASE_URL is not set but CI=true: the PostgreSQL test tier would be skipped.',
    );
  }
}
