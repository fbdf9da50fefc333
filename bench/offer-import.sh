#!/usr/bin/env bash
# `collector prices import` on an offer file the size of AWS's real ones (the regional EC2 file is
# hundreds of MB): a synthetic file in the documented shape, imported with a 32 MiB heap to show
# that the reader streams. Prints wall time and peak RSS.
# Usage: bench/offer-import.sh [PRODUCTS]   (default 250000, about 420 MB; needs python3, GNU time)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
products=${1:-250000}
[[ -x /usr/bin/time ]] || { echo "offer-import: needs GNU time (apt-get install time)" >&2; exit 1; }
./guestbench collector --version >/dev/null # finds the JDK and builds the jars if needed
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
java=${java:-java}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$products" "$tmp/offer.json" <<'PY'
import json, random, sys
# Most products are left out (other OS, tenancy, software, capacity, regions), as in real files.
n, out = int(sys.argv[1]), open(sys.argv[2], "w")
random.seed(1)
families = ["m5", "c5", "r5", "t3", "m6i", "c6i", "r6i", "m7i", "c7g", "m3", "c3", "m1", "t1", "i3"]
sizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge", "metal"]
regions = [("us-east-1", "US East (N. Virginia)"), ("us-west-2", "US West (Oregon)"),
           ("eu-west-1", "EU (Ireland)"), ("ap-southeast-2", "Asia Pacific (Sydney)")]
out.write('{"formatVersion":"v1.0","offerCode":"AmazonEC2","version":"20240509211517",'
          '"publicationDate":"2024-05-09T21:15:17Z","products":{')
for i in range(n):
    t = random.choice(families) + "." + random.choice(sizes)
    code, location = random.choice(regions)
    a = {"servicecode": "AmazonEC2", "location": location, "locationType": "AWS Region",
         "instanceType": t, "currentGeneration": "Yes", "vcpu": "2", "memory": "8 GiB",
         "physicalProcessor": "Intel Xeon Platinum 8175", "storage": "EBS only",
         "networkPerformance": "Up to 10 Gigabit", "processorArchitecture": "64-bit",
         "tenancy": random.choice(["Shared", "Shared", "Dedicated", "Host"]),
         "operatingSystem": random.choice(["Linux", "Windows", "RHEL", "SUSE"]),
         "licenseModel": "No License required", "usagetype": "BoxUsage:" + t,
         "operation": "RunInstances", "marketoption": "OnDemand",
         "capacitystatus": random.choice(["Used", "Used", "UnusedCapacityReservation"]),
         "preInstalledSw": random.choice(["NA", "NA", "SQL Std"]), "regionCode": code,
         "processorFeatures": "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
         "servicename": "Amazon Elastic Compute Cloud"}
    sku = "S%015d" % i
    out.write(("," if i else "") + json.dumps(sku) + ":" +
              json.dumps({"sku": sku, "productFamily": "Compute Instance", "attributes": a}))
out.write('},"terms":{"OnDemand":{')
for i in range(n):
    sku = "S%015d" % i
    term = sku + ".JRTCKXETXF"
    dim = {"unit": "Hrs", "endRange": "Inf", "beginRange": "0", "appliesTo": [],
           "description": "On Demand Instance Hour", "rateCode": term + ".6YS6EN2CT7",
           "pricePerUnit": {"USD": "%.10f" % (0.01 + (i % 500) / 100.0)}}
    body = {term: {"offerTermCode": "JRTCKXETXF", "sku": sku,
                   "effectiveDate": "2024-05-01T00:00:00Z",
                   "priceDimensions": {term + ".6YS6EN2CT7": dim}, "termAttributes": {}}}
    out.write(("," if i else "") + json.dumps(sku) + ":" + json.dumps(body))
out.write('},"Reserved":{}}}\n')
PY

size=$(stat -c %s "$tmp/offer.json")
/usr/bin/time -f '%e %M' -o "$tmp/time" "$java" -Xmx32m -jar collector/target/guestbench-collector.jar \
  prices import "$tmp/offer.json" --out "$tmp/prices.json" | cut -c1-100
read -r seconds rss_kb <"$tmp/time"
printf 'offer file %d MB, %d products: import with -Xmx32m took %s s, peak RSS %d MB\n' \
  $((size / 1000000)) "$products" "$seconds" $((rss_kb / 1024))
