"""Peer timings for apps/bench's perf suite.

Usage: python3 peer.py <task> <dir> <repeats>
Reads inputs (.npy) from <dir>, runs the peer library <repeats> times, writes outputs (.npy) to
<dir> for the agreement check, and prints one JSON object on stdout:
{"available": true, "times_ms": [...], ...} or {"available": false, "reason": "..."}.
Bench-only: the coresets packages never run Python.
"""
import json
import os
import sys
import time


def timed(fn, repeats):
    times = []
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return out, times


def unavailable(reason):
    print(json.dumps({"available": False, "reason": reason}))
    sys.exit(0)


def main():
    task, d, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        import numpy as np
    except ImportError as e:
        unavailable(f"numpy: {e}")
    load = lambda name: np.load(os.path.join(d, name))
    save = lambda name, a: np.save(os.path.join(d, name), a)

    if task == "kmeans":
        try:
            import sklearn
            from sklearn.cluster import KMeans
        except ImportError as e:
            unavailable(f"scikit-learn: {e}")
        x = load("x.npy")
        init = load("init.npy")
        k = init.shape[0]

        def run():
            km = KMeans(n_clusters=k, init=init, n_init=1, max_iter=300, tol=0.0, algorithm="lloyd")
            km.fit(x)
            return km
        km, times = timed(run, repeats)
        save("labels.npy", km.labels_.astype(np.int64))
        print(json.dumps({"available": True, "times_ms": times, "inertia": float(km.inertia_),
                          "iterations": int(km.n_iter_), "peer": f"scikit-learn {sklearn.__version__}"}))
    elif task in ("emd", "sinkhorn"):
        try:
            import ot
        except ImportError as e:
            unavailable(f"POT: {e}")
        a = load("a.npy")
        b = load("b.npy")
        m = load("cost.npy")
        if task == "emd":
            cost, times = timed(lambda: ot.emd2(a, b, m, numItermax=10_000_000), repeats)
            extra = {}
        else:
            reg = float(load("reg.npy")[0])
            method = "sinkhorn_log" if os.environ.get("CORESETS_PEER_SINKHORN") == "log" else "sinkhorn"
            (cost, log), times = timed(lambda: ot.sinkhorn2(a, b, m, reg, method=method, numItermax=100000, stopThr=1e-6, log=True), repeats)
            extra = {"iterations": int(log.get("niter", 10 * len(log["err"])))}
        print(json.dumps({"available": True, "times_ms": times, "cost": float(cost), **extra, "peer": f"POT {ot.__version__}"}))
    elif task == "facility_location":
        path = os.environ.get("APRICOT_PATH")
        if not path:
            unavailable("APRICOT_PATH is not set (point it at apricot's source tree)")
        sys.path.insert(0, path)
        try:
            from apricot import FacilityLocationSelection
        except ImportError as e:
            unavailable(f"apricot: {e}")
        x = load("x.npy")
        k = int(load("k.npy")[0])

        def run():
            sel = FacilityLocationSelection(k, metric="euclidean", optimizer="lazy")
            sel.fit(x)
            return sel
        sel, times = timed(run, repeats)
        save("ranking.npy", np.asarray(sel.ranking, dtype=np.int64))
        print(json.dumps({"available": True, "times_ms": times, "peer": "apricot (source tree)"}))
    elif task == "mlp":
        try:
            import torch
        except ImportError as e:
            unavailable(f"torch: {e}")
        torch.manual_seed(0)
        steps = int(load("steps.npy")[0])
        x = torch.from_numpy(load("x.npy")).float()
        y = torch.from_numpy(load("y.npy").astype(np.int64))
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)
        loss_fn = torch.nn.CrossEntropyLoss()
        batch = 128

        def run():
            for s in range(steps):
                i = (s * batch) % (x.shape[0] - batch)
                opt.zero_grad()
                loss = loss_fn(model(x[i:i + batch]), y[i:i + batch])
                loss.backward()
                opt.step()
            return float(loss)
        loss, times = timed(run, repeats)
        print(json.dumps({"available": True, "times_ms": times, "loss": loss, "threads": torch.get_num_threads(),
                          "peer": f"torch {torch.__version__} (CPU)"}))
    else:
        unavailable(f"unknown task {task}")


if __name__ == "__main__":
    main()
