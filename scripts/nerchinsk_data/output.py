"""Writing data/: the GeoJSON files, the overview picture and the tables in data/README.md."""
import json
import math
import os

import numpy as np

from .places import E, N, S, W
from .sources import DATA, ROOT


def write(path, feats):
    fc = {"type": "FeatureCollection", "features": feats}
    with open(path, "w") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path) // 1024} KiB)")


def picture(feats, ref):
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "nerchinsk"
    import matplotlib.pyplot as plt
    colours = {"argun": "#b2182b", "shilka_lower": "#ef8a62", "gorbitsa": "#ef8a62", "stanovoy_crest": "#d6604d",
               "uda": "#f4a582", "uda_connector": "#f4a582", "amur_upper": "#2166ac", "amur_lower": "#4393c3",
               "ussuri": "#1a9850", "sungacha": "#1a9850", "khanka_crossing": "#1a9850", "peking_land_line": "#1a9850",
               "kyakhta_east": "#762a83", "kyakhta_1727": "#9970ab", "kazakevicheva_channel": "#2166ac", "ussuri_below_kazakevicheva": "#1a9850",
               "heixiazi_2004": "#e7298a", "abagaitu_west_channel": "#b2182b",
               "abagaitu_north_channel": "#b2182b", "abagaitu_2004": "#e7298a", "abagaitu_southwest_2004": "#e7298a"}
    fig, ax = plt.subplots(figsize=(11, 8), dpi=100)
    for f in ref:
        cs = np.array(f["geometry"]["coordinates"])
        ax.plot(cs[:, 0], cs[:, 1], color="#999999", lw=0.6, ls=":", zorder=1)
    for f in feats:
        p = f["properties"]
        cs = np.array(f["geometry"]["coordinates"])
        if p["kind"] == "bridge":
            continue  # a connector through the sea, never a line on a map
        if p["kind"] in ("coast", "frame", "edge"):
            ax.plot(cs[:, 0], cs[:, 1], color="#555555" if p["kind"] == "coast" else "#aaaaaa", lw=0.7, zorder=2)
        else:
            ax.plot(cs[:, 0], cs[:, 1], color=colours.get(p["id"], "k"), lw=1.8, zorder=3, label=p["id"])
    ax.set_aspect(1 / math.cos(math.radians(50)))
    ax.set_xlim(W - 0.3, E + 0.3)
    ax.set_ylim(S - 0.3, N + 0.3)
    ax.legend(loc="lower right", fontsize=7)
    ax.set_title("nerchinsk data: treaty lines (colour), coast and edges (grey), reference lines (dotted)")
    ax.grid(lw=0.2)
    fig.tight_layout()
    fig.savefig(os.path.join(DATA, "overview.png"), metadata={"Software": None})
    print("wrote data/overview.png")


def table(feats):
    rows = ["| id | kind | vertices | length km | accuracy km | method | source | licence |", "|---|---|---|---|---|---|---|---|"]
    # the islands and their bridges: one row each, summed
    groups = {}
    for f in feats:
        p = f["properties"]
        if p["kind"] == "bridge" or "region" in p:
            groups.setdefault(p["kind"], []).append(p)
            continue
        rows.append(f"| {p['id']} | {p['kind']} | {p['vertices']} | {p['length_km']} | {p['accuracy_km']} | {p['method']} | {p['source']} | {p['licence']} |")
    for kind, ps in groups.items():
        ids = f"{ps[0]['id']} to {ps[-1]['id']} ({len(ps)})"
        length = round(sum(p["length_km"] for p in ps), 1)
        rows.append(f"| {ids} | {kind} | {sum(p['vertices'] for p in ps)} | {length} | {ps[0]['accuracy_km']} | "
                    f"{ps[0]['method']} | {ps[0]['source']} | {ps[0]['licence']} |")
    path = os.path.join(DATA, "README.md")
    text = open(path).read() if os.path.exists(path) else "<!-- features -->\n<!-- /features -->\n"
    a, b = text.index("<!-- features -->"), text.index("<!-- /features -->")
    text = text[: a] + "<!-- features -->\n" + "\n".join(rows) + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    print("updated the feature table in data/README.md")



def control_table(feats):
    rows = ["| id | controller | where de jure | from | to | area km² | accuracy km | method |", "|---|---|---|---|---|---:|---:|---|"]
    for f in feats:
        p = f["properties"]
        rows.append(f"| {p['id']} | {p['controller']} | {p['de_jure']} | {p['from']} | {p['to']} | {p['area_km2']} | {p['accuracy_km']} | {p['method']} |")
    path = os.path.join(DATA, "CONTROL.md")
    text = open(path).read()
    if "<!-- control -->" not in text:
        return
    a, b = text.index("<!-- control -->"), text.index("<!-- /control -->")
    text = text[: a] + "<!-- control -->\n" + "\n".join(rows) + "\n" + text[b:]
    with open(path, "w") as f:
        f.write(text)
    print("updated the control table in data/CONTROL.md")

