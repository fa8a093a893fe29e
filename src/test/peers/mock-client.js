// A client from the npm registry (ws) for MockServerPeersTest: node mock-client.js URL CONFIG_JSON
// CONFIG: {"headers": {...}, "protocols": [...], "send": [{"text": "..."} | {"hex": "..."}], "expect": N,
//          "maxPayload": BYTES, "timeoutMs": MS}; a send with "after": TEXT waits until a message TEXT came.
// Prints one JSON line per thing it sees (open, message, ping, error, unexpected-response, close) and exits after
// `expect` messages (then closes with 1000), on close or error, or at the timeout.
const WebSocket = require('ws');
const [url, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson || '{}');
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const ws = new WebSocket(url, config.protocols || [], {
  headers: config.headers || {},
  maxPayload: config.maxPayload || 100 * 1024 * 1024,
  perMessageDeflate: false,
});
let received = 0;
let opened = 0;
const sendOne = (m) => {
  if (m.hex !== undefined) ws.send(Buffer.from(m.hex.replace(/\s+/g, ''), 'hex'));
  else ws.send(m.text);
};
const timer = setTimeout(() => { out({ event: 'timeout' }); process.exit(0); }, config.timeoutMs || 10000);
const done = () => { clearTimeout(timer); setImmediate(() => process.exit(0)); };
ws.on('open', () => {
  opened = Date.now();
  out({ event: 'open', protocol: ws.protocol });
  for (const m of config.send || []) {
    if (m.after === undefined) sendOne(m);
  }
});
ws.on('message', (data, isBinary) => {
  received++;
  const ms = Date.now() - opened;
  out(isBinary ? { event: 'message', binary: true, hex: data.toString('hex'), ms }
               : { event: 'message', binary: false, text: data.toString('utf8'), ms });
  if (!isBinary) {
    for (const m of config.send || []) {
      if (m.after === data.toString('utf8')) sendOne(m);
    }
  }
  if (config.expect && received >= config.expect) { ws.close(1000); }
});
ws.on('ping', (data) => out({ event: 'ping', length: data.length }));
ws.on('unexpected-response', (req, res) => { out({ event: 'unexpected-response', status: res.statusCode }); done(); });
ws.on('error', (e) => out({ event: 'error', message: String(e.message), code: e.code || null }));
ws.on('close', (code, reason) => { out({ event: 'close', code, reason: reason.toString() }); done(); });
