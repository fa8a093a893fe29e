// A real Socket.IO v4 server on loopback for ProtocolPeersTest: prints "listening PORT" once it listens.
// Short heartbeats (pingInterval 300 ms, pingTimeout 200 ms): a client that does not answer "2" with "3" is dropped
// within half a second.
'use strict';
const { Server } = require('socket.io');

const io = new Server({ pingInterval: 300, pingTimeout: 200, serveClient: false });
io.on('connection', (socket) => {
  socket.emit('welcome', { id: socket.id });
  socket.on('chat', (text) => socket.emit('chat', 'echo: ' + text));
  socket.on('add', (a, b, ack) => {
    if (typeof ack === 'function') {
      ack({ sum: a + b });
    }
  });
});
const admin = io.of('/admin');
admin.use((socket, next) => (socket.handshake.auth && socket.handshake.auth.token === 'abc'
  ? next() : next(new Error('Not authorized'))));
admin.on('connection', (socket) => socket.emit('admin', { ok: true }));

io.listen(0);
const server = io.httpServer;
server.on('listening', () => console.log('listening ' + server.address().port));
