// A ws echo server on loopback for the proxy tests (InterceptingProxyPeersTest): prints "listening PORT".
// permessage-deflate on, keeping its compression context (serverNoContextTakeover: false), as ws does by default.
// Echoes text as text and binary as binary; the text "close:CODE" closes with CODE and reason "asked".
'use strict';
const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({
  host: '127.0.0.1', port: 0,
  perMessageDeflate: { threshold: 0, serverNoContextTakeover: false, clientNoContextTakeover: false },
});
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? null : data.toString();
    if (text && text.startsWith('close:')) {
      socket.close(Number(text.substring(6)), 'asked');
      return;
    }
    socket.send(data, { binary: isBinary, compress: true });
  });
});
wss.on('listening', () => console.log('listening ' + wss.address().port));
