"""The de facto layer's war-time areas, 1900-1949, by period. Each function adds its areas through
`area` (control.py) in the order in which they must be tried: the first area that applies wins.
Every date and edge is cited in data/CONTROL.md."""
from shapely.geometry import box

from .control_regions import HULUNBUIR_SOUTH, QIQIHAR_HARBIN

NE_ADM1 = "Natural Earth 10m admin-1 lines"
SIDES = "the lines of data/lines.geojson (WDBII border, China-Mongolia line, 115.5E edge, frame)"
XILINGOL = "less Xilingol west of a hand-digitised edge [est], no dataset here having the league boundaries"
CHINA_METHOD = f"derived: the covered Chinese land between {SIDES}, {XILINGOL}"


def occupation_1900(area, r):
    area(id="russian_occupation_1900",
         name="Russian occupation of Manchuria",
         controller="russia", de_jure="china", start="1900-07-20", end="1907-04-15",
         reason="occupied by the Russian army from the Boxer war of 1900; the agreement of 8 Apr 1902 promised evacuation "
                "in three stages by 8 Oct 1903, which was not carried out in the north; after the Russo-Japanese war the Treaty "
                "of Portsmouth (in force 14 Oct 1905) required withdrawal within eighteen months, and China took over the last "
                "towns (Jilin, Qiqihar) on 15 Apr 1907; railway guards stayed",
         source="Russian troops crossed the Amur at Blagoveshchensk on 20 July 1900 and took Sakhalyan (Heihe) the same day "
                "and Aigun on 22 July (en.wikipedia Battles on Amur River (1900), the-uncensored-wiki.com copy; wikisum.wiki "
                "Russian invasion of Manchuria); the 1902 agreement's three stages (bitlit.ru Japan from the Japanese "
                "government history p. 67; text at chinaforeignrelations.net/node/240; the first stage carried out in Oct 1902: clyx.com Asakawa, "
                "The Russo-Japanese Conflict, ch. XIV); Portsmouth additional article to art. 3 (en.wikisource The New Far East "
                "(1906) p. 316); in force 14 Oct 1905, evacuation delayed (New Zealand Herald 18 Sep 1906, paperspast.natlib.govt.nz "
                "NZH19060918.2.53); handover of the last province on 15 Apr 1907, Russia a month early, 8,000 railway guards "
                "left (caihezi.com/history/ygmYg0K9.html; fogofchaos.com 2012/04/14)",
         accuracy_km=50.0,
         method=CHINA_METHOD,
         poly=r.manchukuo(),
         claimed_by="china")


def russian_civil_war(area, r):
    area(id="civil_war_transbaikalia",
         name="Transbaikalia under Ataman Semyonov and the Japanese",
         controller="White forces (Ataman Semyonov) with Japanese troops", de_jure="russia",
         start="1918-09-01", end="1920-10-22",
         reason="Soviet power in Chita fell in the summer of 1918; the Japanese army held Chita from September 1918 and "
                "Ataman Semyonov ruled Transbaikalia with its support (from January 1920 with Kolchak's powers) until the "
                "People's Revolutionary Army took Chita in October 1920",
         source="Chita occupied by the Japanese army from September 1918 to 1920, Semyonov's government in Chita in 1920 "
                "(wikisum.wiki Chita, Zabaykalsky Krai); the 'Chita plug' held by Semyonov and the Japanese 5th Division, the "
                "Chita operations of April-October 1920 (Great Soviet Encyclopedia, encyclopedia2.thefreedictionary.com Chita "
                "Operations of 1920); Japan's withdrawal from Transbaikalia after the Gongota agreement of 15 Jul 1920 "
                "(en.wikipedia Chita Operations, review.clateway.com copy); Chita taken on 22 Oct 1920 (pregl.ru, Shishkin); "
                "Soviet power fell in August 1918 (safe-rgs.ru 325), Socialist-Revolutionary and liberal authorities held "
                "Chita from August to October 1918 before Semyonov (chita.ru 2024/01/14/73106831); the day in September "
                "1918 is not given: the 1st is taken",
         accuracy_km=200.0,
         method=f"derived: today's Zabaykalsky Krai, cut by {NE_ADM1} and the China and Mongolia border lines of "
                "data/lines.geojson; the 1918 Transbaikal oblast also took in Buryatia, and in 1920 partisans held much "
                "of the krai's east and north",
         poly=r.face["zabaykalsky"],
         claimed_by="russia")
    area(id="civil_war_amur",
         name="Amur oblast under the Whites and the Japanese",
         controller="White forces (Amur Cossacks) with Japanese troops", de_jure="russia",
         start="1918-09-23", end="1920-02-04",
         reason="Japanese and White forces took Blagoveshchensk in September 1918, ending six months of Soviet rule; "
                "partisans surrounded the city in February 1920, Ataman Kuznetsov handed power to a local council on "
                "4 Feb 1920 and the Soviets took over two days later",
         source="Blagoveshchensk captured by the Japanese army by 23 Sep 1918 (World Digital Library wdl.org/en/item/18443); "
                "White and Japanese capture in September 1918, Ataman Gamov's return (acrosstheamur.wordpress.com 2020/02/22 "
                "Partisans on the Amur); 4 Feb 1920 handover and Soviet power two days later (A. Tikhomirov, Sovetskaya "
                "Rossiya v 1920 godu, libcat.ru excerpt)",
         accuracy_km=200.0,
         method=f"derived: today's Amur Oblast, cut by {NE_ADM1} and the Amur border line of data/lines.geojson; the hold "
                "was on the towns and the railway, with partisans in the countryside from 1919",
         poly=r.face["amur_oblast"],
         claimed_by="russia")
    area(id="intervention_primorye",
         name="Primorye under the Japanese intervention",
         controller="Japanese troops (with White and other anti-Bolshevik governments)", de_jure="russia",
         start="1918-09-05", end="1922-10-25",
         reason="the Japanese army, landed at Vladivostok in August 1918 with the Allied intervention, held the ports and "
                "towns of the Maritime province until its evacuation; the People's Revolutionary Army entered Vladivostok on "
                "25 Oct 1922",
         source="Khabarovsk taken by Japanese and White forces on 5 Sep 1918 after the advance up the Ussuri from "
                "Vladivostok (World Digital Library wdl.org/en/item/18435); more than 70,000 Japanese troops in all ports "
                "and major towns of the Maritime Provinces by November 1918 (en.wikipedia Japanese intervention in Siberia, "
                "w.owiki.org copy); Red Army entered Vladivostok on 25 Oct 1922 after the Japanese left "
                "(fakti.bg 826330; omniatlas.com northern-eurasia 1922-07-01); Japanese evacuation zones in Sep 1922 "
                "(history.state.gov FRUS 1922 v. II d748)",
         accuracy_km=100.0,
         method=f"derived: today's Primorsky Krai, cut by {NE_ADM1}, the Ussuri-Khanka-Tumen border lines and the coast "
                "of data/lines.geojson; the partisans held much of the interior, and from January to April 1920 a "
                "zemstvo government ruled Vladivostok beside the Japanese",
         poly=r.face["primorsky"],
         claimed_by="russia")


def manchukuo_and_1945(area, r):
    kwantung = "Japanese Kwantung Army"
    jl_src = ("Changchun and Kuanchengzi among the towns taken within days of the Mukden incident of 18 Sep 1931 "
              "(phersu-atlas.com event 2518; es.stringtranslate.com Invasion japonesa de Manchuria)")
    area(id="kwantung_jilin_1931",
         name="Kirin (Jilin) under the Kwantung Army, before Manchukuo",
         controller=kwantung, de_jure="china", start="1931-09-19", end="1932-03-01",
         reason="taken by the Kwantung Army after the Mukden incident; the Kirin provincial government under Xi Qia "
                "went over to the Japanese; the east of the province stayed with anti-Japanese forces into 1932-33",
         source=jl_src + "; the east held by Chinese forces until January 1933 (worldhistoryproject.org 1933/1/7); "
                        "day: 19 Sep 1931, the day after the incident [est]",
         accuracy_km=100.0,
         method=f"derived: today's Jilin and Liaoning north of 42.25N, cut by {NE_ADM1} and the lines of data/lines.geojson",
         poly=r.face["jilin"], claimed_by="china")
    area(id="kwantung_qiqihar_1931",
         name="Western Heilongjiang (Qiqihar) under the Kwantung Army, before Manchukuo",
         controller=kwantung, de_jure="china", start="1931-11-19", end="1932-03-01",
         reason="Ma Zhanshan left Qiqihar on 18-19 Nov 1931 after the Nen River (Jiangqiao) battles and withdrew to Hailun",
         source="Ma forced from Qiqihar by 19 Nov 1931 (phersu-atlas.com event 2518; es.stringtranslate.com Invasion "
                "japonesa de Manchuria; c1.dudushu.com Minguo dashiji ch. 117: withdrew 19 Nov 1931 to Baiquan and Keshan)",
         accuracy_km=100.0,
         method=f"derived: today's Heilongjiang, cut by {NE_ADM1}, the piece west of {QIQIHAR_HARBIN}E round Qiqihar, the "
                "meridian hand-chosen [est] between "
                "Qiqihar (123.9E) and Harbin (126.6E)",
         poly=r.heilongjiang(west=True), claimed_by="china")
    area(id="kwantung_harbin_1932",
         name="Harbin and eastern Heilongjiang under the Kwantung Army, before Manchukuo",
         controller=kwantung, de_jure="china", start="1932-02-05", end="1932-03-01",
         reason="the Japanese 2nd Division took Harbin on the afternoon of 5 Feb 1932; Ting Chao's forces withdrew down the "
                "Sungari; the railways north and east of Harbin stayed with Chinese forces for months",
         source="League of Nations, Appeal by the Chinese Government (Lytton report), p. 80 (en.wikisource); chinahistory.co.uk "
                "Battle of Harbin",
         accuracy_km=150.0,
         method=f"derived: today's Heilongjiang, cut by {NE_ADM1}, east of {QIQIHAR_HARBIN}E [est]",
         poly=r.heilongjiang(west=False), claimed_by="china")
    area(id="su_bingwen_hulunbuir",
         name="Hulunbuir (Barga) held by Su Bingwen",
         controller="china", de_jure="china", start="1932-03-01", end="1932-12-05",
         reason="Su Bingwen, the Hulunbuir garrison commander, kept the land west of the Khingan out of Japanese hands, rose "
                "against Manchukuo on 27 Sep 1932 as the Northeast People's National Salvation Army and withdrew into the "
                "USSR before the Japanese offensive of late November and December 1932",
         source="Su kept his command beyond the Khingan free of Japanese troops; rising of 27 Sep 1932 (a.osmarks.net "
                "wikipedia Su Bingwen; siliu.net/p/odk02z73xe.html); the Kwantung Army's orders of 11 Nov 1932 to destroy his "
                "force east of the Khingan in late November, and the retreat into the USSR (fx361.cc 2012/0815/13281853, "
                "Heilongjiang shizhi 2012 no. 7); his men in the USSR by January 1933 (Shenbao 16 Jan 1933, listed at "
                "m.handmsg.com 2015/0710/19306340); the day in December 1932 is not given: 5 Dec is taken [est]",
         accuracy_km=50.0,
         method=f"derived: today's Inner Mongolia, cut by {NE_ADM1}, north of {HULUNBUIR_SOUTH}N [est] for Hulunbuir's southern "
                "edge; Su's troops also held the railway east of the Khingan to Fularji, not drawn",
         poly=r.hulunbuir(), claimed_by="Manchukuo")
    area(id="jehol_1933",
         name="Northern Jehol, held by the Jehol provincial government until 1933",
         controller="china", de_jure="china", start="1932-03-01", end="1933-03-04",
         reason="Jehol, under its governor Tang Yulin, stayed with China after Manchukuo claimed it; the Kwantung Army took "
                "it in the Jehol campaign of late February and early March 1933 (Kailu fell on 25 Feb, Chifeng some days "
                "after 2 Mar, the capital Chengde on 4 Mar)",
         source="Battle of Rehe, 21 Feb-1 Mar 1933 (wikimili.com Battle of Rehe); Kailu and Chaoyang taken 25 Feb 1933, "
                "Chifeng after days of fighting (phersu-atlas.com event 1439; wikisum.wiki Battle of Rehe: from 2 Mar); "
                "Japanese entered Chengde on 4 Mar 1933 (Hawke's Bay Tribune 6 Mar 1933, paperspast HBTRIB19330306.2.79; "
                "TIME 13 Mar 1933, softbeam.net)",
         accuracy_km=75.0,
         method=f"derived: today's Inner Mongolia, cut by {NE_ADM1}, inside a hand-digitised northern and eastern edge of the "
                "Ju Ud league [est], the frame in the south, " + XILINGOL,
         poly=r.jehol(), claimed_by="Manchukuo")
    area(id="soviet_transbaikal_front",
         name="Soviet advance, Transbaikal Front: Hulunbuir and the west",
         controller="russia", de_jure="china", start="1945-08-10", end="1945-08-19",
         reason="the Transbaikal Front crossed the border on 9 Aug 1945; the 36th Army crossed the Argun and took Hailar "
                "on 10 Aug (its fortified district held out), Manzhouli and Zhalainur on 11-12 Aug; the Front's main "
                "forces crossed the Greater Khingan by 12 Aug",
         source="S. Tretyak, Trudnyi put' k pobede (mybooks.club excerpt p. 54): Hailar taken 10 Aug, Manzhouli and "
                "Zhalainur 11-12 Aug; zhgx.net news 277 (the tank army over the Greater Khingan by 12 Aug)",
         accuracy_km=100.0,
         method=f"derived: today's Inner Mongolia inside the frame, cut by {NE_ADM1}, {XILINGOL}",
         poly=r.inner_mongolia(), claimed_by="china")
    area(id="soviet_2nd_far_eastern_front",
         name="Soviet advance, 2nd and 1st Far Eastern Fronts: Heilongjiang",
         controller="russia", de_jure="china", start="1945-08-17", end="1945-08-19",
         reason="the 2nd Far Eastern Front crossed the Amur and Ussuri on 9 Aug 1945 and took Jiamusi on 17 Aug; the 1st "
                "Far Eastern Front took Mudanjiang on 16 Aug; Harbin was entered on 18-21 Aug",
         source="zhgx.net news 277 (1st Far Eastern Front: Mudanjiang 16 Aug; 2nd: Jiamusi 17 Aug, Harbin 21 Aug); "
                "jmstv.org.cn (Jiamusi 15-16 Aug); Sovinformburo of 20 Aug 1945 (zab-news.ru 2025/08/20/17355: 2nd Far "
                "Eastern Front in Harbin, 1st in Jilin, Transbaikal Front in Changchun and Mukden); Harbin airborne "
                "landing 18 Aug (special.dbw.cn, as for soviet_manchuria)",
         accuracy_km=150.0,
         method=f"derived: today's Heilongjiang, cut by {NE_ADM1}",
         poly=r.heilongjiang(), claimed_by="china")
    area(id="manchukuo",
         name="Manchukuo",
         controller="Manchukuo (Japanese puppet state)", de_jure="china", start="1932-03-01", end="1945-08-19",
         reason="Manchukuo, a state set up by Japan after the invasion of 1931, held the Chinese side; the Republic of China "
                "kept the de jure title and most states did not recognise Manchukuo",
         source="proclaimed 1 Mar 1932, Puyi captured 19 Aug 1945 after the Soviet invasion of 9 Aug (history.md: yibinfan.com/"
                "article/6907.html; wikivisually.com Soviet invasion of Manchuria); Heilongjiang and Hulunbuir in Manchukuo, "
                "Xilingol not (its edge here is drawn by eye, [est])",
         accuracy_km=50.0,
         method=CHINA_METHOD,
         poly=r.manchukuo())


def civil_war_1946(area, r):
    communists = "Chinese Communist forces (Northeast Democratic United Army)"
    # [est] Changchun: a box of 0.25 x 0.2 degree (about 20 x 22 km) round the city's coordinate
    cx, cy = 125.3235, 43.8171
    area(id="nationalist_changchun",
         name="Changchun held by the Nationalists",
         controller="china", de_jure="china", start="1946-05-23", end="1948-10-19",
         reason="the Nationalist army took Changchun after the Soviet withdrawal and held it, besieged from 23 May 1948, "
                "until its garrison surrendered on 19 Oct 1948",
         source="regained by 23 May 1946; siege 23 May-19 Oct 1948 (wikisum.wiki Siege of Changchun; hubbry.com Siege of "
                "Changchun infobox, 43.8171N 125.3235E; history-maps.com)",
         accuracy_km=15.0,
         method="digitised by hand: a box about 20 km across round the city's coordinate [est]; the Nationalist zone was "
                "wider in 1946-47 and only the city in 1948",
         poly=box(cx - 0.125, cy - 0.1, cx + 0.125, cy + 0.1), claimed_by=communists)
    area(id="communist_jilin",
         name="Jilin held by the Communists",
         controller=communists, de_jure="china", start="1948-03-15", end="1949-10-01",
         reason="by mid-March 1948 the Communists held most of Manchuria, the Nationalists only Shenyang, Changchun and "
                "Jinzhou; from 1 Oct 1949 the People's Republic is the de jure answer",
         source="wikisum.wiki Siege of Changchun ('by mid-March 1948'); the day: the 15th is taken [est]",
         accuracy_km=100.0,
         method=f"derived: today's Jilin and Liaoning north of 42.25N, cut by {NE_ADM1} and the lines of data/lines.geojson",
         poly=r.face["jilin"], claimed_by="china")
    area(id="communist_heilongjiang",
         name="Heilongjiang held by the Communists",
         controller=communists, de_jure="china", start="1946-04-28", end="1949-10-01",
         reason="the Communist forces entered Harbin on 28 Apr 1946 as the Soviet army left, and held it and most of the "
                "north for the rest of the civil war; the Nationalist advance stopped with the ceasefire of June 1946",
         source="Harbin under Soviet control until the Communist forces entered on 28 Apr 1946 (special.dbw.cn/system/2006/04/"
                "26/050375632.shtml); Chiang's ceasefire of 6 Jun 1946 (hubbry.com Siege of Changchun)",
         accuracy_km=100.0,
         method=f"derived: today's Heilongjiang, cut by {NE_ADM1}",
         poly=r.heilongjiang(), claimed_by="china")
    area(id="soviet_manchuria",
         name="Soviet occupation of Manchuria",
         controller="russia", de_jure="china", start="1945-08-19", end="1946-05-03",
         reason="occupied by the Soviet Red Army after the invasion of 9 Aug 1945; the Sino-Soviet treaty of 14 Aug 1945 left "
                "sovereignty to the Republic of China, which waited for the handover; the withdrawal, promised within three "
                "months of Japan's defeat, was delayed, ran south to north from March 1946 and was completed on 3 May 1946",
         source="en.wikipedia Soviet occupation of Manchuria (infobox: ends 3 May [1946], withdrawal of all Soviet troops; "
                "chaos.owiki.org copy: the last Soviet forces left in May 1946); jxxfw.com periodical 155dd6d3 (promised to "
                "withdraw three months after the defeat of Japan, i.e. Nov-Dec 1945; announced complete withdrawal on 3 May 1946); "
                "Soviet airborne troops in Harbin 18 Aug 1945, the city under Soviet military control until 28 Apr 1946 "
                "(special.dbw.cn/system/2006/04/26/050375632.shtml); withdrawal from south to north announced 26 Feb 1946, "
                "Shenyang, Jiamusi, Changchun and Qiqihar left before Harbin (221.212.156.90/hbfm/hbsh/2014/02/12159.html)",
         accuracy_km=50.0,
         method=CHINA_METHOD,
         poly=r.manchukuo(),
         claimed_by="china")
