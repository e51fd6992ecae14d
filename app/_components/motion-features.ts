// framer-motion's full feature bundle (animations, gestures, drag) for LazyMotion. Imported
// only by card-drag.tsx, which the deck loads after the first view, so it stays out of the
// first-load JavaScript.
import { domMax } from "framer-motion";

export default domMax;
