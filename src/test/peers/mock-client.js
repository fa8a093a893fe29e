// A client from the npm registry (ws) for MockServerPeersTest: node mock-client.js URL CONFIG_JSON
// CONFIG: {"headers": {...}, "protocols": [...], "send": [{"text": "..."} | {"hex": "..."}], "expect": N,
//          "maxPayload": BYTES, "timeoutMs": MS}
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
const timer = setTimeout(() => { out({ event: 'timeout' }); process.exit(0); }, config.timeoutMs || 10000);
const done = () => { clearTimeout(timer); setImmediate(() => process.exit(0)); };
ws.on('open', () => {
  out({ event: 'open', protocol: ws.protocol });
  for (const m of config.send || []) {
    if (m.hex !== undefined) ws.send(Buffer.from(m.hex.replace(/\s+/g, ''), 'hex'));
    else ws.send(m.text);
  }
});
ws.on('message', (data, isBinary) => {
  received++;
  out(isBinary ? { event: 'message', binary: true, hex: data.toString('hex') }
               : { event: 'message', binary: false, text: data.toString('utf8') });
  if (config.expect && received >= config.expect) { ws.close(1000); }
});
ws.on('ping', (data) => out({ event: 'ping', length: data.length }));
ws.on('unexpected-response', (req, res) => { out({ event: 'unexpected-response', status: res.statusCode }); done(); });
ws.on('error', (e) => out({ event: 'error', message: String(e.message), code: e.code || null }));
ws.on('close', (code, reason) => { out({ event: 'close', code, reason: reason.toString() }); done(); });
