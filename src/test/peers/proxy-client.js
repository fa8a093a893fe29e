// A ws client for the proxy tests: node proxy-client.js URL. Offers permessage-deflate (ws's default offer),
// sends five compressible text messages, one binary, one text in three fragments, then "close:4005"; prints one
// JSON line per message received ({"text":…} or {"base64":…}), then {"close":CODE,"reason":…,"extensions":…}.
'use strict';
const WebSocket = require('ws');

const ws = new WebSocket(process.argv[2], { perMessageDeflate: { threshold: 0 } });
ws.on('open', () => {
  for (let i = 0; i < 5; i++) {
    ws.send('the same words again and again, message ' + i + ' the same words again and again', { compress: true });
  }
  ws.send(Buffer.from([0, 1, 2, 3, 254, 255]), { binary: true, compress: true });
  ws.send('frag-', { fin: false, compress: true });
  ws.send('men', { fin: false, compress: true });
  ws.send('ted', { fin: true, compress: true });
  ws.send('close:4005');
});
ws.on('message', (data, isBinary) => {
  console.log(JSON.stringify(isBinary ? { base64: data.toString('base64') } : { text: data.toString() }));
});
ws.on('close', (code, reason) => {
  console.log(JSON.stringify({ close: code, reason: reason.toString(), extensions: ws.extensions }));
  process.exit(0);
});
ws.on('error', (e) => {
  console.log(JSON.stringify({ error: String(e.message) }));
  process.exit(1);
});
