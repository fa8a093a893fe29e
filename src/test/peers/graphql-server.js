// A real graphql-transport-ws server (graphql-ws over ws) on loopback for ProtocolPeersTest: prints
// "listening PORT". Besides graphql-ws's own handling it sends a protocol {"type":"ping"} every 300 ms and closes
// the socket (4408) when a pong has not come back before the next ping.
'use strict';
const { WebSocketServer } = require('ws');
const { useServer } = require('graphql-ws/use/ws');
const { buildSchema } = require('graphql');

const schema = buildSchema(`
  type Query { hello: String }
  type Subscription { greetings: String }
`);
const roots = {
  query: { hello: () => 'world' },
  subscription: {
    greetings: async function* greetings() {
      for (const hi of ['Hi', 'Bonjour']) {
        yield { greetings: hi };
      }
    },
  },
};

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
useServer({ schema, roots }, wss);
wss.on('connection', (socket) => {
  let answered = true;
  socket.on('message', (data) => {
    if (String(data).includes('"pong"')) {
      answered = true;
    }
  });
  const timer = setInterval(() => {
    if (!answered) {
      socket.close(4408, 'no pong');
      return;
    }
    answered = false;
    socket.send(JSON.stringify({ type: 'ping' }));
  }, 300);
  socket.on('close', () => clearInterval(timer));
});
wss.on('listening', () => console.log('listening ' + wss.address().port));
