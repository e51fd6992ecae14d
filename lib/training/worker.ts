// Worker-thread entry of the background trainer that `npm start` launches next to the web
// server (off every request path). Server-only; must not import lib/feed.
import "server-only";
import { trainForever } from "./loop";

void trainForever();
