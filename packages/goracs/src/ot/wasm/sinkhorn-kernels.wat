;; SIMD kernels for the Sinkhorn sweep (see ../sinkhorn-engine.ts). Built into
;; sinkhorn-kernels-wasm.ts by `pnpm --filter @coresets/goracs build:wasm`; a test checks that the
;; embedded bytes are this file compiled. Addresses are byte offsets into the exported memory;
;; matrices are row-major float64 with row stride m.
(module
  (memory (export "memory") 1)

  ;; out[0..3] = dot products of rows k, k+m, k+2m, k+3m with v (m entries each).
  (func (export "rowDots4") (param $k i32) (param $v i32) (param $m i32) (param $out i32)
    (local $stride i32) (local $k1 i32) (local $k2 i32) (local $k3 i32)
    (local $j i32) (local $end i32) (local $vj v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $t f64)
    (local.set $stride (i32.shl (local.get $m) (i32.const 3)))
    (local.set $k1 (i32.add (local.get $k) (local.get $stride)))
    (local.set $k2 (i32.add (local.get $k1) (local.get $stride)))
    (local.set $k3 (i32.add (local.get $k2) (local.get $stride)))
    (local.set $end (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $vj (v128.load (i32.add (local.get $v) (local.get $j))))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (i32.add (local.get $k) (local.get $j))) (local.get $vj))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load (i32.add (local.get $k1) (local.get $j))) (local.get $vj))))
        (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load (i32.add (local.get $k2) (local.get $j))) (local.get $vj))))
        (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load (i32.add (local.get $k3) (local.get $j))) (local.get $vj))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $next)))
    (local.set $s0 (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
    (local.set $s1 (f64.add (f64x2.extract_lane 0 (local.get $a1)) (f64x2.extract_lane 1 (local.get $a1))))
    (local.set $s2 (f64.add (f64x2.extract_lane 0 (local.get $a2)) (f64x2.extract_lane 1 (local.get $a2))))
    (local.set $s3 (f64.add (f64x2.extract_lane 0 (local.get $a3)) (f64x2.extract_lane 1 (local.get $a3))))
    ;; Odd m: the last column.
    (if (i32.and (local.get $m) (i32.const 1))
      (then
        (local.set $t (f64.load (i32.add (local.get $v) (local.get $end))))
        (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (i32.add (local.get $k) (local.get $end))) (local.get $t))))
        (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load (i32.add (local.get $k1) (local.get $end))) (local.get $t))))
        (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load (i32.add (local.get $k2) (local.get $end))) (local.get $t))))
        (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load (i32.add (local.get $k3) (local.get $end))) (local.get $t))))))
    (f64.store offset=0 (local.get $out) (local.get $s0))
    (f64.store offset=8 (local.get $out) (local.get $s1))
    (f64.store offset=16 (local.get $out) (local.get $s2))
    (f64.store offset=24 (local.get $out) (local.get $s3)))

  ;; acc[j] += x0·K[k][j] + x1·K[k+m][j] + (x2·K[k+2m][j] + x3·K[k+3m][j]) for j < m.
  (func (export "columnAxpy4") (param $k i32) (param $m i32) (param $x0 f64) (param $x1 f64) (param $x2 f64) (param $x3 f64) (param $acc i32)
    (local $stride i32) (local $k1 i32) (local $k2 i32) (local $k3 i32)
    (local $j i32) (local $end i32) (local $p i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $stride (i32.shl (local.get $m) (i32.const 3)))
    (local.set $k1 (i32.add (local.get $k) (local.get $stride)))
    (local.set $k2 (i32.add (local.get $k1) (local.get $stride)))
    (local.set $k3 (i32.add (local.get $k2) (local.get $stride)))
    (local.set $v0 (f64x2.splat (local.get $x0)))
    (local.set $v1 (f64x2.splat (local.get $x1)))
    (local.set $v2 (f64x2.splat (local.get $x2)))
    (local.set $v3 (f64x2.splat (local.get $x3)))
    (local.set $end (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $p (i32.add (local.get $acc) (local.get $j)))
        (v128.store (local.get $p)
          (f64x2.add (v128.load (local.get $p))
            (f64x2.add
              (f64x2.add
                (f64x2.mul (v128.load (i32.add (local.get $k) (local.get $j))) (local.get $v0))
                (f64x2.mul (v128.load (i32.add (local.get $k1) (local.get $j))) (local.get $v1)))
              (f64x2.add
                (f64x2.mul (v128.load (i32.add (local.get $k2) (local.get $j))) (local.get $v2))
                (f64x2.mul (v128.load (i32.add (local.get $k3) (local.get $j))) (local.get $v3))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $m) (i32.const 1))
      (then
        (local.set $p (i32.add (local.get $acc) (local.get $end)))
        (f64.store (local.get $p)
          (f64.add (f64.load (local.get $p))
            (f64.add
              (f64.add
                (f64.mul (f64.load (i32.add (local.get $k) (local.get $end))) (local.get $x0))
                (f64.mul (f64.load (i32.add (local.get $k1) (local.get $end))) (local.get $x1)))
              (f64.add
                (f64.mul (f64.load (i32.add (local.get $k2) (local.get $end))) (local.get $x2))
                (f64.mul (f64.load (i32.add (local.get $k3) (local.get $end))) (local.get $x3)))))))))

  ;; out[j] = exp((f + g[j] − c[j]) · scale) for j < m, m even (the caller does an odd last
  ;; column): one row of the Gibbs kernel. The exp is written out in the loop (V8 did not inline
  ;; a call to it) and is valid for x in [-745.2, 709.78] (clamped): 2^k · e^r with k = round(x / ln 2),
  ;; r = x − k·ln 2 in two parts (|r| ≤ ln 2 / 2), e^r by its Taylor series to r^13 (truncation
  ;; error below 1e-17 relative) and 2^k applied as two factors so that k down to −1075 still
  ;; scales into the subnormal range correctly.
  (func (export "gibbsRow") (param $c i32) (param $g i32) (param $f f64) (param $scale f64) (param $out i32) (param $m i32)
    (local $j i32) (local $end i32) (local $fv v128) (local $sv v128) (local $x v128)
    (local $k v128) (local $r v128) (local $p v128) (local $k1 v128) (local $k2 v128) (local $ki v128)
    (local.set $fv (f64x2.splat (local.get $f)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $end (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $x (f64x2.mul
          (f64x2.sub (f64x2.add (local.get $fv) (v128.load (i32.add (local.get $g) (local.get $j))))
                     (v128.load (i32.add (local.get $c) (local.get $j))))
          (local.get $sv)))
        (local.set $x (f64x2.min (f64x2.max (local.get $x) (v128.const f64x2 -745.2 -745.2)) (v128.const f64x2 709.78 709.78)))
        (local.set $k (f64x2.nearest (f64x2.mul (local.get $x) (v128.const f64x2 1.4426950408889634 1.4426950408889634))))
        (local.set $r (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (v128.const f64x2 0.6931471803691238 0.6931471803691238))))
        (local.set $r (f64x2.sub (local.get $r) (f64x2.mul (local.get $k) (v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10))))
        (local.set $p (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 2.08767569878681e-9 2.08767569878681e-9)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 2.505210838544172e-8 2.505210838544172e-8)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 2.755731922398589e-7 2.755731922398589e-7)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 2.7557319223985893e-6 2.7557319223985893e-6)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 2.48015873015873e-5 2.48015873015873e-5)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 1.984126984126984e-4 1.984126984126984e-4)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 1.388888888888889e-3 1.388888888888889e-3)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 8.333333333333333e-3 8.333333333333333e-3)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 4.1666666666666664e-2 4.1666666666666664e-2)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 0.16666666666666666 0.16666666666666666)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 0.5 0.5)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 1 1)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (v128.const f64x2 1 1)))
        ;; k as two 64-bit integers, split k = k1 + k2 with k1 = floor(k / 2).
        (local.set $ki (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k))))
        (local.set $k1 (i64x2.shr_s (local.get $ki) (i32.const 1)))
        (local.set $k2 (i64x2.sub (local.get $ki) (local.get $k1)))
        (local.set $k1 (i64x2.shl (i64x2.add (local.get $k1) (v128.const i64x2 1023 1023)) (i32.const 52)))
        (local.set $k2 (i64x2.shl (i64x2.add (local.get $k2) (v128.const i64x2 1023 1023)) (i32.const 52)))
        (local.set $x (f64x2.mul (f64x2.mul (local.get $p) (local.get $k1)) (local.get $k2)))
        (v128.store (i32.add (local.get $out) (local.get $j)) (local.get $x))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $next))))

  ;; Σ_j K[j]·v[j]·c[j] for j < m: one row's share of ⟨P, C⟩ before the row scaling.
  (func (export "rowCost") (param $k i32) (param $v i32) (param $c i32) (param $m i32) (result f64)
    (local $j i32) (local $end i32) (local $acc v128) (local $s f64)
    (local.set $end (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $acc (f64x2.add (local.get $acc)
          (f64x2.mul (f64x2.mul (v128.load (i32.add (local.get $k) (local.get $j))) (v128.load (i32.add (local.get $v) (local.get $j))))
                     (v128.load (i32.add (local.get $c) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $next)))
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    (if (i32.and (local.get $m) (i32.const 1))
      (then
        (local.set $s (f64.add (local.get $s)
          (f64.mul (f64.mul (f64.load (i32.add (local.get $k) (local.get $end))) (f64.load (i32.add (local.get $v) (local.get $end))))
                   (f64.load (i32.add (local.get $c) (local.get $end))))))))
    (local.get $s))
)
