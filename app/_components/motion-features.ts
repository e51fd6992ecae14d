// framer-motion's full feature bundle (animations, gestures, drag), loaded lazily by
// LazyMotion in the deck so it stays out of the first-load JavaScript.
import { domMax } from "framer-motion";

export default domMax;
