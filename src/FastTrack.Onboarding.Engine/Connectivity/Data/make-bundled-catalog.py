#!/usr/bin/env python3
"""Rebuilds worldwide-endpoints-2022072800.json from the URL list of Microsoft's generated worldwide
table for version 2022072800 (a text file of id|urls lines, copied verbatim from Microsoft's table) and
the per-set attributes below (service area, category, required, ports). The URLs are verbatim; the
attributes were reconstructed from Microsoft's published table for that version without the generated
file at hand (the counts per service area match the reference: Exchange 9, SharePoint 7, Skype 12,
Common 57) and should be checked against the table when it is available. Run: python3 make-bundled-catalog.py URLS.txt > worldwide-endpoints-2022072800.json"""
import json, sys

EX, SP, SK, CO = "Exchange", "SharePoint", "Skype", "Common"
O, A, D = "Optimize", "Allow", "Default"
# id: (serviceArea, category, required, tcpPorts, udpPorts)
ATTR = {
    1: (EX, O, True, "80,443", "443"), 2: (EX, A, True, "587", None), 3: (EX, D, False, "443", None),
    5: (EX, A, False, "143,587,993,995", None), 6: (EX, A, False, "25,80,443", None),
    8: (EX, D, True, "80,443", None), 9: (EX, A, True, "443", None), 10: (EX, A, True, "25", None),
    154: (EX, D, True, "80,443", None),
    31: (SP, O, True, "80,443", None), 32: (SP, D, False, "443", None), 33: (SP, D, False, "443", None),
    35: (SP, D, True, "80,443", None), 36: (SP, D, True, "80,443", None), 37: (SP, D, True, "80,443", None),
    39: (SP, D, True, "80,443", None),
    11: (SK, O, True, None, "3478-3481"), 12: (SK, A, True, "80,443", "3478-3481"), 13: (SK, A, True, "443", None),
    15: (SK, D, True, "80,443", None), 16: (SK, D, True, "443", None), 17: (SK, D, True, "443", None),
    18: (SK, D, False, "443", None), 19: (SK, D, True, "80,443", None), 22: (SK, A, False, "443", None),
    26: (SK, D, True, "443", None), 27: (SK, D, True, "443", None), 127: (SK, D, True, "80,443", None),
    46: (CO, A, True, "80,443", None), 56: (CO, A, True, "80,443", None),
    59: (CO, D, True, "80,443", None), 64: (CO, A, True, "443", None), 66: (CO, D, True, "443", None),
    65: (CO, D, True, "443", None), 67: (CO, D, False, "443", None), 68: (CO, D, False, "443", None),
    69: (CO, D, True, "443", None), 70: (CO, D, False, "443", None), 71: (CO, D, True, "443", None),
    72: (CO, D, False, "443", None), 73: (CO, D, True, "443", None), 75: (CO, D, False, "443", None),
    78: (CO, D, True, "80,443", None), 79: (CO, D, False, "80,443", None), 83: (CO, D, True, "443", None),
    84: (CO, D, True, "80,443", None), 86: (CO, D, True, "443", None), 88: (CO, D, False, "443", None),
    89: (CO, D, True, "80,443", None), 91: (CO, D, True, "443", None), 92: (CO, D, True, "80,443", None),
    93: (CO, D, False, "443", None), 95: (CO, A, False, "443", None), 96: (CO, D, False, "443", None),
    97: (CO, D, True, "443", None), 105: (CO, D, False, "443", None), 114: (CO, D, False, "80,443", None),
    116: (CO, D, True, "443", None), 117: (CO, D, True, "443", None), 118: (CO, D, True, "443", None),
    121: (CO, D, False, "443", None), 122: (CO, D, False, "443", None), 124: (CO, D, False, "443", None),
    125: (CO, D, True, "80,443", None), 126: (CO, D, True, "443", None), 128: (CO, D, True, "443", None),
    147: (CO, D, True, "80,443", None), 148: (CO, D, True, "443", None), 149: (CO, D, True, "443", None),
    152: (CO, D, True, "80,443", None), 153: (CO, D, True, "443", None), 156: (CO, D, True, "443", None),
    157: (CO, D, True, "80,443", None), 158: (CO, D, True, "443", None), 159: (CO, D, True, "443", None),
    160: (CO, D, True, "443", None), 41: (CO, D, False, "443", None), 43: (CO, D, False, "443", None),
    44: (CO, D, False, "443", None), 45: (CO, D, False, "443", None), 47: (CO, D, True, "80,443", None),
    49: (CO, D, True, "443", None), 50: (CO, D, False, "443", None), 51: (CO, D, False, "80,443", None),
    53: (CO, D, True, "443", None),
}
# IP-only sets: the URL list has no entry for their ranges; these come from the reference facts.
IPS = {11: ["13.107.64.0/18", "52.112.0.0/14", "52.120.0.0/14", "2603:1063::/38"]}

sets = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line or "|" not in line:
        continue
    sid, urls = line.split("|", 1)
    sid = int(sid)
    area, cat, req, tcp, udp = ATTR[sid]
    s = {"id": sid, "serviceArea": area}
    u = [x.strip() for x in urls.split(",") if x.strip()]
    if u: s["urls"] = u
    if sid in IPS: s["ips"] = IPS[sid]
    if tcp: s["tcpPorts"] = tcp
    if udp: s["udpPorts"] = udp
    s["category"] = cat
    s["required"] = req
    sets.append(s)
assert len(sets) == 85, len(sets)
doc = {
    "version": "2022072800",
    "instance": "Worldwide",
    "source": "fallback copy of Microsoft's worldwide endpoint table, version 2022072800 (URLs verbatim; "
              "ports, categories and required flags reconstructed, to be checked against the table); "
              "used only when the web service and the cache are unavailable",
    "endpoints": sets,
}
json.dump(doc, sys.stdout, indent=1)
print()
