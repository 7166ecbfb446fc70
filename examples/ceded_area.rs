//! How much land changed hands at each treaty, on the WGS84 ellipsoid, beside the published
//! figures, in both regions (Sino-Russian, then Taiwan).
//!
//! `cargo run --release --example ceded_area [-- --json]`

use nerchinsk::{data::embedded, data::regions, Status};

/// Published figures: (event id, from, to, km2, source).
const PUBLISHED: &[(&str, Status, Status, f64, &str)] = &[
    ("aigun_1858", Status::China, Status::Russia, 600_000.0, "\"over 600,000 km2\": Encyclopedia of China (zgbk.com ID 390067); en.wikipedia Treaty of Aigun"),
    ("aigun_1858", Status::China, Status::Joint, 400_000.0, "\"400,000 km2 under joint administration\": Encyclopedia of China (zgbk.com ID 390067)"),
    ("peking_1860", Status::Joint, Status::Russia, 400_000.0, "\"a total of 400,000 km2\": en.wikipedia Convention of Peking; china.org.cn counts Sakhalin in it"),
    ("qiqihar_1911", Status::China, Status::Russia, 1_400.0, "\"about 1,400 km2\" in all, the Argun islands included (pediainside.com 滿洲里界約); markers 58-63 moved 4-21 km south (zhiqingwang.shzq.org)"),
    ("eastern_section_1991", Status::Russia, Status::China, 720.0, "\"about 720 km2\" net to China, some 700 islands (Tkachenko, via en.wikipedia 1991 Sino-Soviet Border Agreement, liquisearch.com); the data draw Zhenbao's channel only"),
    ("additional_agreement_2004", Status::Russia, Status::China, 174.0, "\"174 km2\": Tarabarov and half of Bolshoy Ussuriysky (ru.delfi.lt, 21 Jul 2008; en-academic.com enwiki 2935854)"),
    ("additional_agreement_2004", Status::China, Status::Russia, 23.02, "23.02 km2 of Abagaitu islet to Russia (pediainside.com 阿巴该图洲渚)"),
    ("shimonoseki_1895", Status::China, Status::Japan, 35_949.0, "Taiwan 35,808 km2 (en.wikipedia Taiwan) and Penghu 141.052 km2 (en.wikipedia Penghu); data/TAIWAN.md, Areas"),
    ("retrocession_1945", Status::Japan, Status::Disputed, 35_949.0, "the land ceded in 1895, as above"),
    ("prc_1949", Status::China, Status::Disputed, 181.3, "Kinmen County (with Wuqiu) 151.656 km2 (zh.wikipedia 金門縣) and Matsu 29.6055 km2 (en.wikipedia Matsu Islands); data/TAIWAN.md, Areas"),
];

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let mut rows = Vec::new();
    for ev in regions()
        .iter()
        .flat_map(|a| a.events().iter().map(move |e| (a, e)))
    {
        let (atlas, ev) = ev;
        let transfers = atlas.transfers_of(&ev.id).expect("events of the atlas");
        // a published figure for a move these data do not make: shown against 0
        for p in PUBLISHED.iter().filter(|p| p.0 == ev.id) {
            if !transfers.iter().any(|t| (t.from, t.to) == (p.1, p.2)) {
                rows.push((ev.name.clone(), p.1, p.2, 0.0, Some((p.3, p.4))));
            }
        }
        for t in transfers {
            let published = PUBLISHED
                .iter()
                .find(|p| p.0 == ev.id && (p.1, p.2) == (t.from, t.to));
            rows.push((
                ev.name.clone(),
                t.from,
                t.to,
                t.km2,
                published.map(|p| (p.3, p.4)),
            ));
        }
    }
    // why a computed figure differs from the published one by more than 10% (README, "Why the
    // differences", has the long form)
    const WHY: &[(&str, &str)] = &[
        ("Convention of Peking", "the ~400,000 km2 include Sakhalin (72,492 km2), which no treaty named; the data cover the mainland only"),
        ("Treaty of Aigun", "the joint land ends at the coast and the 1860 land line; the ~400,000 km2 usually quoted include Sakhalin"),
        ("Complementary Agreement on the Eastern Section of the China-Russia Boundary", "the data count river water as land: 42 km2 of the Amur's main channel at Khabarovsk, and the channels between the islands"),
        ("Qiqihar (Manzhouli) agreement", "the ~1,400 km2 include 160 Argun islands (84% of the islands' area), which the data do not draw, and the line before 1911 is digitised by hand through its one known point, the railway crossing (accuracy 20 km)"),
        ("Proclamation of the People's Republic of China", "GSHHG draws small islands about one 90 m grid cell larger all round, which weighs most on the smallest (data/TAIWAN.md, Why they differ)"),
        ("Sino-Soviet Agreement on the Eastern Section of the Boundary", "the ~720 km2 are some 700 river islands; the data draw the 1861 map's line at Zhenbao only and run mid-river elsewhere"),
    ];
    let atlas = embedded();
    let why = |treaty: &str, km2: f64, p: Option<(f64, &str)>| -> Option<&'static str> {
        let (pk, _) = p?;
        if (km2 / pk - 1.0).abs() <= 0.10 {
            return None;
        }
        WHY.iter().find(|w| w.0 == treaty).map(|w| w.1)
    };
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|(treaty, from, to, km2, p)| {
                serde_json::json!({
                    "treaty": treaty, "from": from.as_str(), "to": to.as_str(), "km2": km2.round(),
                    "published_km2": p.map(|p| p.0), "published_source": p.map(|p| p.1),
                    "difference_percent": p.map(|p| ((km2 / p.0 - 1.0) * 1000.0).round() / 10.0),
                    "why": why(treaty, *km2, *p),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap());
        return;
    }
    println!("| treaty | from | to | computed km² (WGS84) | published km² | difference | source |");
    println!("|---|---|---|---:|---:|---:|---|");
    for (treaty, from, to, km2, p) in &rows {
        let (pk, diff, src) = match p {
            Some((pk, src)) => (
                format!("{pk:.0}"),
                format!("{:+.1}%", (km2 / pk - 1.0) * 100.0),
                src.to_string(),
            ),
            None => ("-".into(), "-".into(), "no published figure found".into()),
        };
        println!("| {treaty} | {from} | {to} | {km2:.0} | {pk} | {diff} | {src} |");
    }
    println!();
    for (treaty, from, to, km2, p) in &rows {
        if let Some(w) = why(treaty, *km2, *p) {
            println!("- {treaty}, {from} -> {to}: differs by more than 10% because {w}.");
        }
    }
    let total: f64 = atlas
        .events()
        .iter()
        .filter(|e| (1858..=1860).contains(&e.date.year))
        .flat_map(|e| atlas.transfers_of(&e.id).expect("events of the atlas"))
        .filter(|t| t.to == Status::Russia && t.from != Status::Russia)
        .map(|t| t.km2)
        .sum();
    println!("\nLand that became Russian in 1858-1860: {total:.0} km² (published: \"more than 1 million km²\", en.wikipedia Outer Manchuria, usually with Sakhalin).");
}
