// Tokenizer for TF-IDF and attribute matching: lowercase, strip punctuation, stopwords,
// a light plural stemmer and a tiny synonym map.
// Pure: must not import anything outside lib/recommender.

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or our that the this to with your you our we us made look perfect".split(
    " ",
  ),
);

/** Synonyms applied after stemming, so query words reach catalog words. */
const SYNONYMS: Record<string, string> = {
  bohemian: "boho",
  trainer: "sneaker",
  kick: "sneaker",
  tee: "tshirt",
  jumper: "sweater",
  pullover: "sweater",
  pant: "trouser",
  hoody: "hoodie",
  frock: "dress",
  gown: "dress",
  gray: "grey",
  purse: "handbag",
  bag: "handbag",
  flowy: "flowing",
  sneakers: "sneaker",
  trainers: "sneaker",
};

/** Light English plural stemmer: dresses -> dress, sneakers -> sneaker, skies -> sky. */
export function stem(word: string): string {
  const w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) return w.slice(0, -2);
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}

export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  const direct = SYNONYMS[lower];
  if (direct) return direct;
  const s = stem(lower);
  return SYNONYMS[s] ?? s;
}

/** Lowercase, drop apostrophes/hyphens inside words, split on anything else. */
export function tokenize(text: string): string[] {
  const cleaned = text.toLowerCase().replace(/['’\-]/g, "").replace(/[^a-z0-9]+/g, " ");
  const out: string[] = [];
  for (const raw of cleaned.split(" ")) {
    if (!raw || STOPWORDS.has(raw)) continue;
    out.push(normaliseWord(raw));
  }
  return out;
}

/** An attribute value as one field token: "Light Blue" -> "light_blue", "Dresses" -> "dress". */
export function attributeToken(value: string): string {
  const words = tokenize(value);
  return words.join("_");
}

/** Normalised attribute key used for matching quiz answers to products ("Dresses" -> "dress"). */
export function attributeKey(value: string): string {
  return attributeToken(value) || value.trim().toLowerCase();
}
