"""Where things are: the covered area and the named points that lines are cut at or anchored to
(lon, lat degrees). Sources in data/README.md."""

# The covered area (a frame in lon/lat degrees). See data/README.md for why these edges.
W, E, S, N = 105.5, 141.8, 42.25, 57.5
# West of the Mongolian tripoint only the Russian side is covered: the land south of the
# Mongolia-Russia line is not, and in China the covered area stops at this meridian (an edge line
# from the China-Mongolia boundary south to the frame), where the frame's west edge was before
# Kyakhta and Chita were added.
W_CHINA = 115.5

# Named points used to cut or anchor lines (lon, lat). Sources in data/README.md.
CONFLUENCE = (121.47694, 53.33278)   # Shilka + Argun = Amur (Amur infobox)
ABAGAITU = (117.898364, 49.55857)    # start of the Argun (Abagaitu islet)
KAZAKEVICHEVA = (134.735, 48.266)     # where the WDBII border leaves the Amur: Kazakevicheva channel meets the Ussuri
KHABAROVSK = (135.07, 48.48)          # Ussuri mouth on the Amur at Khabarovsk (EB1911)
AMUR_MOUTH = (141.08389, 52.94722)    # Amur mouth (Amur infobox)
MN_TRIPOINT = (116.711, 49.845)       # China-Mongolia-Russia
KP_TRIPOINT = (130.639275, 42.419787) # marker 423, China-North Korea-Russia
KYAKHTA = (106.45, 50.35)             # Kyakhta (history.md: howlingpixel.com/i-en/Kyakhta), only reported
ALTANBULAG = (106.49417, 50.31667)    # Altanbulag, Mongolia (en.wikipedia Altanbulag, Selenge), only reported
GORBITSA_MOUTH = (119.22, 53.10)      # Gorbitsa village on the Shilka [est, see README]
GORBITSA_SOURCE = (119.10, 53.70)     # [est, very low]; snapped to the derived crest
AMAZAR_MOUTH = (122.0792, 53.425)    # Amazar mouth on the Amur (en.wikipedia Amazar (river))
AMAZAR_UP = (120.88, 53.86)           # [est] Amazar settlement on the river, to pick the valley
SUNGACHA_MOUTH = (133.10, 45.35)      # [est] where the border leaves the Ussuri
KHANKA_OUTLET = (132.95, 45.02)       # Sungacha leaves Lake Khanka (NE vertex)
TUR_MOUTH = (131.85, 45.34)           # Belen-he / Tur mouth on the west shore (NE vertex)
# The 2004 Complementary Agreement (Bolshoy Ussuriysky / Heixiazi and Tarabarov / Yinlong), art. 1.
POINT_10 = (134.418051, 48.390005)    # WDBII vertex where the pre-2004 line leaves the Amur's main channel
                                      # for the Kazakevicheva channel; the 2004 line stays in the channel
ZHENBAO = (133.84444, 46.48556)       # Zhenbao / Damansky island (en-academic.com/dic.nsf/enwiki/667494)
# [est] the channel between Zhenbao and the Chinese (west) bank, the Soviet reading's line: 0.5 km
# west of the island's coordinate, along its 1.7 km length (en.wikipedia Zhenbao Island: 1.7 by
# 0.5 km), from and back to the Ussuri line 2 km north and 1.7 km south of the island
ZHENBAO_WEST_CHANNEL = [(133.8385, 46.4930), (133.8375, 46.4860), (133.8390, 46.4775)]
ZHENBAO_CHANNEL_ENDS = ((133.86305, 46.492775), (133.844999, 46.469718))
POINT_10_2_GK = (5358650.0, 23482570.0)  # boundary point 10/2 on the island: Gauss-Krueger X, Y (zone 23),
                                         # as printed in the treaty (Pulkovo-1942, Krassovsky)
# The same agreement at Abagaitu (Bolshoy island) on the Argun, art. 1: points 7/1 and 7/2, grid X, Y (zone 20)
POINT_7_1_GK = (5490500.0, 20564000.0)   # on the unnamed river (Soviet maps: Argun) south of the island
POINT_7_2_GK = (5496160.0, 20564380.0)   # on the Ergune (Soviet maps: Prolva) north of the island
ABAGAITU_WEST_END = (117.8328, 49.5275)   # upstream end of the same channel, where it leaves the border west of
                                          # the island: read from the data (the de facto layer's islet is
                                          # bounded by this channel, the border and the channel south of it)
ABAGAITU_NORTH_END = (118.0656, 49.6139)  # downstream end of the WDBII (level 3) channel north of the island,
                                          # where it rejoins the border: read from the data, picks the channel

# Offshore islands: GSHHG full-resolution rings of at least this many km² are land (data/README.md).
ISLAND_MIN_KM2 = 1.0
# Islands off Sakhalin and Hokkaido, which these data do not cover (boxes x0, x1, y0, y1): Moneron,
# Rebun, Rishiri, Teuri, Yagishiri. They stay at sea, like the parts of Sakhalin and Hokkaido in the frame.
NOT_COVERED_ISLANDS = [(140.9, 141.8, 44.0, 46.5)]
# The Shantar Islands (x0, x1, y0, y1): "east of Uda Bay and north of Academy Bay" (en.wikipedia Shantar
# Islands); Maly Shantar at 54.4697N 137.6089E, Feklistova at 55.0N 136.95E (data/README.md).
SHANTAR = (136.2, 138.7, 54.3, 55.3)
