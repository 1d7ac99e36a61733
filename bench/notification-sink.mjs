#!/usr/bin/env node
/**
 * The benchmark's notification endpoint, in its own process: counts the entities notified and
 * the delay from the write (the entity's `reading` holds the writer's Date.now()) to arrival.
 * GET /stats answers { notifications, entities, latencies: summary }; POST /reset clears.
 * Usage: node bench/notification-sink.mjs <port>
 */
import { createServer } from 'node:http';
import { summarize } from './latency.mjs';

const port = Number(process.argv[2]);
let notifications = 0;
let latencies = [];
let firstAt = 0;
let lastAt = 0;

createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health/ready') return response.end('ok');
  if (request.method === 'GET' && request.url === '/stats') {
    response.setHeader('content-type', 'application/json');
    return response.end(
      JSON.stringify({
        notifications,
        entities: latencies.length,
        firstAt,
        lastAt,
        latency: summarize(latencies),
      }),
    );
  }
  if (request.method === 'POST' && request.url === '/reset') {
    notifications = 0;
    latencies = [];
    firstAt = 0;
    lastAt = 0;
    return response.end();
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const now = Date.now();
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      notifications += 1;
      firstAt ||= now;
      lastAt = now;
      for (const entity of body.data ?? []) {
        const sentAt = typeof entity.reading === 'number' ? entity.reading : entity.reading?.value;
        if (typeof sentAt === 'number') latencies.push(now - sentAt);
      }
      response.writeHead(204).end();
    } catch {
      response.writeHead(400).end();
    }
  });
}).listen(port, '127.0.0.1');
