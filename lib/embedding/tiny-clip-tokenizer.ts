// A small CLIP-style byte-level BPE tokenizer (tokenizer.json + tokenizer_config.json)
// with the conventions of openai/clip-vit-base-patch32: NFC + whitespace + lowercase
// normaliser, CLIP split regex then ByteLevel, "</w>" end-of-word suffix, and
// <|startoftext|> / <|endoftext|> as the two highest ids (EOS pooling uses argmax).
// Pure data: must not import onnxruntime or transformers.

const WORDS = [
  "a", "photo", "of", "the", "and", "with", "for", "black", "white", "red", "blue", "navy",
  "green", "pink", "grey", "brown", "beige", "yellow", "dress", "shirt", "tshirt", "shoes",
  "casual", "formal", "sports", "jeans", "top", "jacket", "bag", "watch", "men", "women",
  "summer", "winter", "cotton", "striped", "floral",
];

/** GPT-2 / CLIP byte -> printable unicode mapping, in CLIP's vocab order. */
export function byteUnicodeChars(): string[] {
  const bs: number[] = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  return cs.map((c) => String.fromCharCode(c));
}

export interface TinyTokenizer {
  tokenizerJson: object;
  tokenizerConfig: object;
  vocabSize: number;
  bosId: number;
  eosId: number;
}

/** Build vocab + merges: byte chars, byte chars + </w>, left-to-right merges of WORDS, specials. */
export function buildTinyTokenizer(): TinyTokenizer {
  const chars = byteUnicodeChars();
  const vocab = new Map<string, number>();
  const add = (t: string) => {
    if (!vocab.has(t)) vocab.set(t, vocab.size);
  };
  chars.forEach(add);
  chars.forEach((c) => add(`${c}</w>`));
  const merges: string[] = [];
  for (const word of WORDS) {
    // Merge the word's current BPE pieces left to right; new merges rank after all
    // existing ones, so earlier words keep their segmentation.
    let pieces = applyMerges(word, merges);
    while (pieces.length > 1) {
      merges.push(`${pieces[0]} ${pieces[1]}`);
      add(pieces[0] + pieces[1]);
      pieces = applyMerges(word, merges);
    }
  }
  const bosId = vocab.size;
  const eosId = bosId + 1;
  vocab.set("<|startoftext|>", bosId);
  vocab.set("<|endoftext|>", eosId);
  return {
    tokenizerJson: tokenizerJson(Object.fromEntries(vocab), merges, bosId, eosId),
    tokenizerConfig: tokenizerConfig(),
    vocabSize: vocab.size,
    bosId,
    eosId,
  };
}

/** Greedy lowest-rank BPE over a word (chars, last one with </w>). */
function applyMerges(word: string, merges: string[]): string[] {
  const rank = new Map(merges.map((m, i) => [m, i]));
  const pieces = Array.from(word);
  pieces[pieces.length - 1] += "</w>";
  for (;;) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i + 1 < pieces.length; i++) {
      const r = rank.get(`${pieces[i]} ${pieces[i + 1]}`);
      if (r !== undefined && r < bestRank) [best, bestRank] = [i, r];
    }
    if (best < 0) return pieces;
    pieces.splice(best, 2, pieces[best] + pieces[best + 1]);
  }
}

function special(id: number, content: string): object {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true };
}

function tokenizerJson(vocab: Record<string, number>, merges: string[], bosId: number, eosId: number): object {
  const splitRegex =
    "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+";
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special(bosId, "<|startoftext|>"), special(eosId, "<|endoftext|>")],
    normalizer: {
      type: "Sequence",
      normalizers: [{ type: "NFC" }, { type: "Replace", pattern: { Regex: "\\s+" }, content: " " }, { type: "Lowercase" }],
    },
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [
        { type: "Split", pattern: { Regex: splitRegex }, behavior: "Removed", invert: true },
        { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: {
      type: "RobertaProcessing",
      sep: ["<|endoftext|>", eosId],
      cls: ["<|startoftext|>", bosId],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: "<|endoftext|>",
      continuing_subword_prefix: "",
      end_of_word_suffix: "</w>",
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
}

function tokenizerConfig(): object {
  return {
    add_prefix_space: false,
    bos_token: "<|startoftext|>",
    clean_up_tokenization_spaces: true,
    do_lower_case: true,
    eos_token: "<|endoftext|>",
    errors: "replace",
    model_max_length: 77,
    pad_token: "<|endoftext|>",
    tokenizer_class: "CLIPTokenizer",
    unk_token: "<|endoftext|>",
  };
}
