// Writes byte-exact protocol samples with the protocols' own libraries, for the Java decoder tests
// (dev.wsinspector.core.payload.protocol.LibrarySamplesTest). Run once, commit the output:
//
//   cd src/test/node && npm ci && npm run samples
//
// Each sample is one WebSocket message payload, written as it is (no newline added) to
// src/test/resources/dev/wsinspector/core/payload/protocol/samples/<protocol>/<name>.txt (.bin for binary).
'use strict';

const fs = require('fs');
const path = require('path');
const http = require('http');

const OUT = path.join(__dirname, '..', 'resources', 'dev', 'wsinspector', 'core', 'payload', 'protocol', 'samples');

function write(protocol, name, payload) {
  const dir = path.join(OUT, protocol);
  fs.mkdirSync(dir, { recursive: true });
  const binary = typeof payload !== 'string';
  fs.writeFileSync(path.join(dir, name + (binary ? '.bin' : '.txt')), binary ? Buffer.from(payload) : payload, binary ? undefined : 'utf8');
}

// --- Engine.IO v4 and Socket.IO v5 (socket.io-parser 4, engine.io-parser 5) --------------------------------
function engineAndSocketIo() {
  const eio = require('engine.io-parser');
  const { Encoder, PacketType } = require('socket.io-parser');
  const encodeEngine = (packet) => new Promise((resolve) => eio.encodePacket(packet, true, resolve));
  const sio = new Encoder();
  const message = async (name, packet) => {
    const parts = sio.encode(packet);
    write('socket.io', name, await encodeEngine({ type: 'message', data: parts[0] }));
    for (let i = 1; i < parts.length; i++) {
      write('socket.io', name + '-attachment-' + i, await encodeEngine({ type: 'message', data: parts[i] }));
    }
  };
  return (async () => {
    write('engine.io', 'open', await encodeEngine({ type: 'open', data: JSON.stringify(
      { sid: 'lv_VI97HAXpY6yYWAAAC', upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 }) }));
    write('engine.io', 'ping', await encodeEngine({ type: 'ping' }));
    write('engine.io', 'pong', await encodeEngine({ type: 'pong' }));
    write('engine.io', 'probe', await encodeEngine({ type: 'ping', data: 'probe' }));
    await message('connect', { type: PacketType.CONNECT, nsp: '/', data: { sid: 'YfT2X1bFBNQc2Q1BAAAD' } });
    await message('connect-admin-auth', { type: PacketType.CONNECT, nsp: '/admin', data: { token: 'abc' } });
    await message('event', { type: PacketType.EVENT, nsp: '/', data: ['welcome', { user: 'ann', rooms: [1, 2] }] });
    await message('event-ack-ns', { type: PacketType.EVENT, nsp: '/chat', id: 12, data: ['chat:message', 'héllo ✓'] });
    await message('ack', { type: PacketType.ACK, nsp: '/', id: 12, data: [{ ok: true }] });
    await message('connect-error', { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'Not authorized', data: { code: 401 } } });
    await message('disconnect', { type: PacketType.DISCONNECT, nsp: '/chat' });
    await message('binary-event', { type: PacketType.EVENT, nsp: '/', data: ['upload', Buffer.from([1, 2, 3]), 'name.bin'] });
  })();
}

// --- SignalR JSON hub protocol (@microsoft/signalr) --------------------------------------------------------
function signalr() {
  const { JsonHubProtocol, MessageType } = require('@microsoft/signalr');
  const { HandshakeProtocol } = require('@microsoft/signalr/dist/cjs/HandshakeProtocol');
  const { TextMessageFormat } = require('@microsoft/signalr/dist/cjs/TextMessageFormat');
  const hub = new JsonHubProtocol();
  const handshake = new HandshakeProtocol();
  write('signalr', 'handshake-request', handshake.writeHandshakeRequest({ protocol: hub.name, version: hub.version }));
  write('signalr', 'handshake-response', TextMessageFormat.write(JSON.stringify({})));
  write('signalr', 'handshake-error', TextMessageFormat.write(JSON.stringify({ error: 'Requested protocol \'xml\' is not available.' })));
  write('signalr', 'invocation', hub.writeMessage({ type: MessageType.Invocation, target: 'SendMessage', arguments: ['ann', 'hello'], invocationId: '7', streamIds: [] }));
  write('signalr', 'invocation-noreply', hub.writeMessage({ type: MessageType.Invocation, target: 'ReceiveMessage', arguments: ['ann', 'hello'] }));
  write('signalr', 'stream-invocation', hub.writeMessage({ type: MessageType.StreamInvocation, target: 'Counter', arguments: [10, 500], invocationId: '2', streamIds: [] }));
  write('signalr', 'stream-item', hub.writeMessage({ type: MessageType.StreamItem, invocationId: '2', item: 3 }));
  write('signalr', 'completion', hub.writeMessage({ type: MessageType.Completion, invocationId: '7', result: 42 }));
  write('signalr', 'completion-error', hub.writeMessage({ type: MessageType.Completion, invocationId: '8', error: 'Method does not exist.' }));
  write('signalr', 'cancel', hub.writeMessage({ type: MessageType.CancelInvocation, invocationId: '2' }));
  write('signalr', 'ping', hub.writeMessage({ type: MessageType.Ping }));
  write('signalr', 'close', hub.writeMessage({ type: MessageType.Close, error: 'Connection closed with an error.', allowReconnect: true }));
  write('signalr', 'two-records', hub.writeMessage({ type: MessageType.Ping }) + hub.writeMessage({ type: MessageType.StreamItem, invocationId: '2', item: 4 }));
}

// --- SockJS (sockjs 0.3 server, its raw WebSocket transport, read with ws) ------------------------------------
function sockjs() {
  const SockJS = require('sockjs');
  const WebSocket = require('ws');
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    // Over WebSocket sockjs 0.3 keeps the connection alive with WebSocket pings, not 'h' frames (trans-websocket.js).
    const service = SockJS.createServer({ prefix: '/echo', log: () => {} });
    service.on('connection', (conn) => {
      conn.on('data', (message) => {
        if (message === 'bye') {
          conn.close(3000, 'Go away!');
        } else {
          conn.write(message);
          conn.write('second ✓ "quoted"');
        }
      });
    });
    service.installHandlers(server);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const ws = new WebSocket(`ws://127.0.0.1:${port}/echo/000/abcdefgh/websocket`);
      const frames = [];
      ws.on('message', (data) => {
        const frame = data.toString('utf8');
        frames.push(frame);
        if (frame === 'o') {
          ws.send(JSON.stringify(['SEND\ndestination:/app/chat\ncontent-type:application/json\n\n{"text":"hi"}\u0000']));
        } else if (frame.startsWith('a')) {
          write('sockjs', frames.filter((f) => f.startsWith('a')).length === 1 ? 'array-stomp' : 'array', frame);
          if (frames.filter((f) => f.startsWith('a')).length === 2) {
            ws.send(JSON.stringify(['bye']));
          }
        } else if (frame.startsWith('c')) {
          write('sockjs', 'close', frame);
        }
      });
      ws.on('close', () => {
        write('sockjs', 'open', frames[0]);
        write('sockjs', 'client-send', JSON.stringify(['SEND\ndestination:/app/chat\ncontent-type:application/json\n\n{"text":"hi"}\u0000']));
        server.close();
        resolve();
      });
      ws.on('error', reject);
    });
  });
}

// --- SocketCluster (sc-formatter 4, the codec of socketcluster-client and -server) -----------------------------
function socketCluster() {
  const formatter = require('sc-formatter');
  // The shapes socketcluster-client 16 sends and socketcluster-server 16 answers (AGClientSocket, AGServerSocket).
  write('socketcluster', 'handshake', formatter.encode({ event: '#handshake', data: { authToken: null }, cid: 1 }));
  write('socketcluster', 'handshake-response', formatter.encode({ rid: 1, data: { id: 'sEX2kp9FUvSZR6D1AAAA', pingTimeout: 20000, isAuthenticated: false } }));
  write('socketcluster', 'subscribe', formatter.encode({ event: '#subscribe', data: { channel: 'sensors/1' }, cid: 2 }));
  write('socketcluster', 'publish', formatter.encode({ event: '#publish', data: { channel: 'sensors/1', data: { t: 21.5 } } }));
  write('socketcluster', 'event', formatter.encode({ event: 'chat', data: 'hello', cid: 3 }));
  write('socketcluster', 'error-response', formatter.encode({ rid: 3, error: { name: 'BadRequest', message: 'Nope' } }));
  write('socketcluster', 'batch', formatter.encode([{ event: '#publish', data: { channel: 'a', data: 1 } }, { event: '#publish', data: { channel: 'b', data: 2 } }]));
  write('socketcluster', 'ping-v1', '#1');
  write('socketcluster', 'pong-v1', '#2');
  write('socketcluster', 'ping-v2', '');
}

// --- WAMP v2 JSON (autobahn's JSONSerializer; messages as in the WAMP specification, "Message Definitions") ----
function wamp() {
  const { JSONSerializer } = require('autobahn/lib/serializer.js');
  const json = new JSONSerializer();
  write('wamp', 'hello', json.serialize([1, 'realm1', { roles: { caller: { features: {} }, subscriber: {} }, authmethods: ['anonymous'] }]));
  write('wamp', 'welcome', json.serialize([2, 9129137332, { roles: { broker: {}, dealer: {} } }]));
  write('wamp', 'call', json.serialize([48, 7814135, {}, 'com.myapp.add', [2, 3]]));
  write('wamp', 'result', json.serialize([50, 7814135, {}, [5]]));
  write('wamp', 'error', json.serialize([8, 48, 7814135, {}, 'wamp.error.no_such_procedure']));
  write('wamp', 'subscribe', json.serialize([32, 713845233, {}, 'com.myapp.mytopic1']));
  write('wamp', 'event', json.serialize([36, 5512315355, 4429313566, {}, ['Hello, world!'], { color: 'orange' }]));
  write('wamp', 'goodbye', json.serialize([6, {}, 'wamp.close.system_shutdown']));
}

(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  await engineAndSocketIo();
  signalr();
  await sockjs();
  socketCluster();
  wamp();
  console.log('samples written to ' + path.relative(process.cwd(), OUT));
})().catch((e) => { console.error(e); process.exit(1); });
