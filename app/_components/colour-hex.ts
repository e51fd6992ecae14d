// Colour name -> swatch hex for the quiz and cards. A small table of common fashion
// colour names plus a deterministic fallback for names outside it. Pure.
const TABLE: Record<string, string> = {
  black: "#1f1f22",
  white: "#f7f6f2",
  grey: "#8d9096",
  gray: "#8d9096",
  silver: "#c0c3c8",
  charcoal: "#36393f",
  navy: "#1f2d4d",
  beige: "#d8c3a0",
  cream: "#f3ead3",
  khaki: "#b8a77a",
  tan: "#c49a6c",
  brown: "#6e4a2f",
  red: "#c62f2f",
  burgundy: "#7a1f33",
  maroon: "#6b1f2a",
  pink: "#eb9cb8",
  orange: "#e87a2c",
  yellow: "#f0c534",
  gold: "#c9a13b",
  mustard: "#d1a331",
  olive: "#6b6b2e",
  green: "#2f8a4e",
  teal: "#1f7f80",
  turquoise: "#3cbfb4",
  blue: "#2f5fb3",
  "light blue": "#9cc3e6",
  purple: "#6d3f98",
  lavender: "#b9a5dc",
  multi: "conic-gradient(#c62f2f, #f0c534, #2f8a4e, #2f5fb3, #6d3f98, #c62f2f)",
};

/** A CSS colour (or gradient) for a colour name. */
export function colourHex(name: string): string {
  const key = name.trim().toLowerCase().replace(/[_-]+/g, " ");
  if (TABLE[key]) return TABLE[key];
  const last = key.split(/\s+/).pop() ?? key;
  if (TABLE[last]) return TABLE[last];
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h} 45% 55%)`;
}

/** Whether dark text reads better than white text on the swatch. */
export function isLightColour(name: string): boolean {
  return ["white", "cream", "beige", "yellow", "light blue", "pink", "silver", "lavender", "khaki", "gold", "turquoise", "tan", "mustard"].includes(
    name.trim().toLowerCase().replace(/[_-]+/g, " "),
  );
}
