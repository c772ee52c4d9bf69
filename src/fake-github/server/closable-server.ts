// A server that can be shut at once, the way a process dies: it stops listening and drops every open connection
// (keep-alive ones included), so whoever talks to it sees the connection go, not a polite close.

import type { Server } from "node:http";
import type { Socket } from "node:net";

export function closable(server: Server): () => void {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
}
