// Colour name -> swatch for the quiz and cards. The vocabulary and its swatches live in
// lib/catalog/colours.ts (shared with the importer); names outside it get a neutral
// swatch. Pure.
import { colourSwatch } from "@/lib/catalog/colours";

/** A CSS colour (or gradient) for a colour name. */
export function colourHex(name: string): string {
  return colourSwatch(name).hex;
}

/** Whether dark text reads better than white text on the swatch. */
export function isLightColour(name: string): boolean {
  return colourSwatch(name).light;
}
