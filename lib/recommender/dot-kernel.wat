;; Batched dot products for the recommender's visual stage, with 128-bit SIMD.
;; scan(q, m, dim, idx, count, out): for i in [0, count):
;;   out[i] = sum_d q[d] * m[idx[i] * dim + d]
;; q, m, idx and out are byte offsets into this module's memory; q and m hold float32,
;; idx int32 row numbers, out float32. Four f32x4 accumulators per row over 16-float
;; blocks, then a scalar tail for dim % 16. Built into dot-kernel-wasm.ts by `npm run build:wasm`.
(module
  (memory (export "memory") 1)
  (func (export "scan")
    (param $q i32) (param $m i32) (param $dim i32) (param $idx i32) (param $count i32) (param $out i32)
    (local $i i32) (local $row i32) (local $d i32) (local $blockEnd i32) (local $rowBytes i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $s f32)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    ;; bytes covered by whole 16-float blocks
    (local.set $blockEnd (i32.and (local.get $rowBytes) (i32.const -64)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $row
          (i32.add (local.get $m)
            (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $i) (i32.const 2))))
                     (local.get $rowBytes))))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $d (i32.const 0))
        (block $blocksDone
          (loop $blocks
            (br_if $blocksDone (i32.ge_u (local.get $d) (local.get $blockEnd)))
            (local.set $a0 (f32x4.add (local.get $a0)
              (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $d)))
                         (v128.load (i32.add (local.get $q) (local.get $d))))))
            (local.set $a1 (f32x4.add (local.get $a1)
              (f32x4.mul (v128.load offset=16 (i32.add (local.get $row) (local.get $d)))
                         (v128.load offset=16 (i32.add (local.get $q) (local.get $d))))))
            (local.set $a2 (f32x4.add (local.get $a2)
              (f32x4.mul (v128.load offset=32 (i32.add (local.get $row) (local.get $d)))
                         (v128.load offset=32 (i32.add (local.get $q) (local.get $d))))))
            (local.set $a3 (f32x4.add (local.get $a3)
              (f32x4.mul (v128.load offset=48 (i32.add (local.get $row) (local.get $d)))
                         (v128.load offset=48 (i32.add (local.get $q) (local.get $d))))))
            (local.set $d (i32.add (local.get $d) (i32.const 64)))
            (br $blocks)))
        (local.set $a0 (f32x4.add (f32x4.add (local.get $a0) (local.get $a1))
                                  (f32x4.add (local.get $a2) (local.get $a3))))
        (local.set $s
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
            (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
        ;; scalar tail
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $d) (local.get $rowBytes)))
            (local.set $s (f32.add (local.get $s)
              (f32.mul (f32.load (i32.add (local.get $row) (local.get $d)))
                       (f32.load (i32.add (local.get $q) (local.get $d))))))
            (local.set $d (i32.add (local.get $d) (i32.const 4)))
            (br $tail)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (local.get $s))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))
