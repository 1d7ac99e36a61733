/**
 * Child process: the HTTP baseline. A Fastify 5 server (the broker's framework) that answers the
 * broker's routes without doing anything: a fixed small JSON body for GET, 204 for PATCH (after
 * Fastify parses the JSON body, as the broker's does). What the broker reaches as a fraction of
 * this is what its own work leaves of the framework's and the load generator's ceiling.
 *
 * Usage: node bench/noop-server.mjs <port>
 */
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const ENTITY = {
  id: 'urn:ngsi-ld:WeatherObserved:noop',
  type: 'WeatherObserved',
  temperature: { type: 'Property', value: 21.5, unitCode: 'CEL' },
};

const app = Fastify({ logger: false });
app.get('/health/ready', async () => ({ status: 'ready' }));
app.get('/ngsi-ld/v1/entities/:entityId', async () => ENTITY);
app.get('/ngsi-ld/v1/entities', async () => [ENTITY]);
app.patch('/ngsi-ld/v1/entities/:entityId/attrs', async (_request, reply) =>
  reply.code(204).send(),
);

await app.listen({ port, host: '127.0.0.1' });
// Only a signal ends this process; close the server cleanly on it.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void app.close());
