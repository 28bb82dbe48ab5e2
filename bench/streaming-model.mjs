// A streaming model server for bench/streaming.sh: answers every POST /v1/chat/completions with
// `chat.completion.chunk` events, one per word, INTERVAL_MS apart (the first at once), then a
// finish chunk, a usage chunk and `data: [DONE]`, as an OpenAI-compatible server streams.
// Usage: node bench/streaming-model.mjs PORT [PIECES] [INTERVAL_MS]
import http from 'node:http';

const port = Number(process.argv[2] ?? 18090);
const pieces = Number(process.argv[3] ?? 8);
const intervalMs = Number(process.argv[4] ?? 20);

function chunk(model, choices, extra = {}) {
  return `data: ${JSON.stringify({id: 'chatcmpl-bench', object: 'chat.completion.chunk', model, choices, ...extra})}\n\n`;
}

const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (data) => (body += data));
  request.on('end', () => {
    let model = 'bench-model';
    try {
      model = JSON.parse(body).model ?? model;
    } catch {
      // not JSON: answer anyway, the load is what matters here
    }
    response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache'});
    let sent = 0;
    const next = () => {
      if (response.destroyed) {
        return;
      }
      if (sent === pieces) {
        response.write(chunk(model, [{index: 0, delta: {}, finish_reason: 'stop'}]));
        const usage = {prompt_tokens: 7, completion_tokens: pieces, total_tokens: 7 + pieces};
        response.write(chunk(model, [], {usage}));
        response.end('data: [DONE]\n\n');
        return;
      }
      const delta = {content: `word${sent} `};
      if (sent === 0) {
        delta.role = 'assistant';
      }
      response.write(chunk(model, [{index: 0, delta, finish_reason: null}]));
      sent++;
      setTimeout(next, intervalMs);
    };
    next();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`streaming model on http://127.0.0.1:${port}`));
