"""Hand-written stories of the default demo site (fictional events, realistic finance prose).

Body mini-markup, one block per string:
  "## text"          subheading (h2)
  "> text"           pull quote (blockquote)
  "- text"           list item (consecutive items form one <ul>)
  "@readmore /path/" inline "Read more: <title>" link paragraph (boilerplate, not body text)
  anything else      paragraph
`style` picks where the dates live: "jsonld" (NewsArticle JSON-LD), "og" (article:published_time
meta) or "visible" (only the text on the page, in the article's language).
"""

from __future__ import annotations

DISCLAIMER_EN = (
    "This article is for information only and is not investment advice. Past performance is not a "
    "reliable indicator of future results; consult a licensed adviser before making investment decisions."
)
DISCLAIMER_DE = (
    "Dieser Artikel dient ausschließlich der Information und stellt keine Anlageberatung dar. "
    "Kryptowährungen sind hochspekulativ; ein Totalverlust ist möglich."
)

STORIES: list[dict] = [
    {
        "path": "/markets/2025/10/18/fed-holds-rates-steady/",
        "section": "markets",
        "title": "Fed holds rates steady as officials weigh a cooling labor market",
        "summary": "Policymakers kept the benchmark rate in a 4.00%-4.25% range and signalled patience on further cuts.",
        "authors": ["Sarah Whitfield"],
        "published": "2025-10-18T14:05:00-04:00",
        "modified": None,
        "lang": "en",
        "style": "jsonld",
        "tags": ["federal-reserve", "interest-rates"],
        "image": ("Federal Reserve Chair speaks to reporters after the two-day policy meeting in Washington.",
                  "Photo: Mark Ellison / Harbor Street Wire"),
        "body": [
            "The Federal Reserve left its benchmark interest rate unchanged on Saturday, keeping the federal "
            "funds rate in a range of 4.00% to 4.25% as officials weighed signs of a cooling labor market "
            "against inflation that remains stubbornly above their 2% goal.",
            "The decision was backed by ten of the twelve voting members of the Federal Open Market Committee. "
            "Two governors dissented in favour of a quarter-point cut, the largest number of dissents at a "
            "rate decision since 2019.",
            "## Markets price a December cut",
            "Futures markets moved quickly after the statement, with traders assigning roughly a 70% chance "
            "to a quarter-point reduction at the December meeting. Two-year Treasury yields, which track "
            "policy expectations most closely, fell six basis points to 3.48%.",
            "> We are in a good position to wait and see how the economy evolves before adjusting policy further.",
            "That was the message the chair repeated several times at the press conference, adding that the "
            "committee did not see itself on a preset course and would decide meeting by meeting.",
            "@readmore /economy/2025/10/17/inflation-eases-september/",
            "## What changed in the statement",
            "The committee made three notable edits to its policy statement:",
            "- Job gains were described as having slowed, replacing the previous phrase that called them solid.",
            "- The reference to inflation being somewhat elevated was kept unchanged.",
            "- A new sentence noted that risks to both sides of the mandate have moved into better balance.",
            "Economists said the wording left the door open to easing without committing to it. The updated "
            "projections showed a median of two more cuts by the end of next year, one fewer than in June.",
            "Stocks pared early gains after the announcement. The S&P 500 closed up 0.3%, while the dollar "
            "index slipped 0.2% against a basket of major currencies.",
        ],
        "faq": [
            ("What did the Fed decide at its October meeting?",
             "It held the federal funds rate in a 4.00% to 4.25% range, with two officials dissenting in favour of a cut."),
            ("When is the next Fed meeting?",
             "The committee meets again on December 9-10, when it will also publish new economic projections."),
            ("How do Fed decisions affect mortgage rates?",
             "Mortgage rates follow longer-term Treasury yields, which move on expectations for future policy rather than on a single decision."),
        ],
        "faq_jsonld": True,
        "disclaimer": DISCLAIMER_EN,
    },
    {
        "path": "/markets/2025/10/16/oil-prices-slide-opec-supply/",
        "section": "markets",
        "title": "Oil slides 3% as OPEC+ signals a faster return of idled supply",
        "summary": "Brent crude fell to its lowest level in five months after the producer group brought forward output increases.",
        "authors": ["Daniel Okafor", "Mei Lin"],
        "published": "2025-10-16T09:41:00+01:00",
        "modified": None,
        "lang": "en",
        "style": "og",
        "tags": ["oil", "commodities", "opec"],
        "image": ("An offshore drilling platform in the North Sea at dusk.",
                  "Photo: Ingrid Halvorsen / Harbor Street Wire"),
        "body": [
            "Oil prices fell more than 3% on Thursday after OPEC+ said it would restore idled production faster "
            "than planned, reviving concerns that supply will outstrip demand in the first half of next year.",
            "Brent crude futures settled down $2.14 at $63.87 a barrel, the lowest close since May. US West "
            "Texas Intermediate dropped $2.03 to $60.22.",
            "## A bigger November increase",
            "Eight members of the group agreed at an online meeting to raise output by 274,000 barrels per day "
            "in November, almost double the increase analysts had expected. Delegates said the decision was "
            "meant to win back market share from producers outside the alliance.",
            "> The group is clearly prioritising volume over price for now, and the market is taking it at its word.",
            "Analysts at several banks trimmed their price forecasts after the meeting. Inventories in "
            "developed economies have risen for four consecutive months, according to industry data, and "
            "refinery margins have narrowed as autumn maintenance begins.",
            "@readmore /economy/2025/10/15/china-exports-beat-forecasts/",
            "## Demand picture remains mixed",
            "Chinese crude imports rose in September as refiners rebuilt stockpiles, but consumption of "
            "gasoline in the United States has been flat compared with last year. Airlines remain the "
            "brightest spot, with jet fuel demand running close to pre-pandemic levels.",
            "Energy shares were the worst performers in the S&P 500 on the day, with the sector index down 1.9%.",
        ],
        "faq": [],
        "disclaimer": DISCLAIMER_EN,
    },
    {
        "path": "/markets/2025/10/14/bank-earnings-lift-stocks/",
        "section": "markets",
        "title": "Big bank earnings lift Wall Street as trading desks shine",
        "summary": "Record trading revenue and a rebound in dealmaking pushed the largest US lenders past estimates.",
        "authors": ["Priya Raman"],
        "published": "2025-10-14T07:30:00-04:00",
        "modified": "2025-10-14T16:52:00-04:00",
        "lang": "en",
        "style": "jsonld",
        "tags": ["earnings", "banks"],
        "image": ("Traders work on the floor of the New York Stock Exchange.",
                  "Photo: Luis Ortega / Harbor Street Wire"),
        "body": [
            "Shares of the largest US banks rallied on Tuesday after third-quarter results showed trading "
            "desks posting their best quarter in years and investment banking fees recovering from a "
            "two-year slump.",
            "The KBW Nasdaq Bank Index rose 2.4%, its biggest one-day gain since August, helping the broader "
            "market recover from a weak start to the week.",
            "## Trading and advisory fees rebound",
            "Equity trading revenue rose more than 30% from a year earlier at two of the four biggest lenders, "
            "as volatility around tariffs and interest rates kept clients active. Advisory fees climbed as "
            "mergers that had been postponed in the spring were revived.",
            "- Net interest income beat forecasts at three of the four banks.",
            "- Credit card charge-offs were stable compared with the second quarter.",
            "- Two lenders raised their full-year guidance for net interest income.",
            "> The consumer is still spending, still paying their bills, and that is the most important thing we watch.",
            "Executives struck a cautious tone on the outlook, pointing to slower hiring and elevated asset "
            "prices. Provisions for loan losses rose modestly, mostly because of growth in card balances "
            "rather than deteriorating credit.",
            "Update: shares extended their gains in afternoon trading after one lender announced a $40 billion "
            "share buyback programme, the largest in its history.",
        ],
        "faq": [],
        "disclaimer": DISCLAIMER_EN,
    },
    {
        "path": "/markets/2025/10/09/treasury-yields-weak-auction/",
        "section": "markets",
        "title": "Treasury yields climb after a weak 10-year note auction",
        "summary": "Soft demand from foreign buyers pushed the benchmark yield back above 4.1%.",
        "authors": ["Tom Brennan"],
        "published": "2025-10-09T16:12:00-04:00",
        "modified": None,
        "lang": "en",
        "style": "visible",
        "tags": ["bonds", "interest-rates"],
        "image": ("The US Treasury building in Washington, DC.",
                  "Photo: Harbor Street Wire archive"),
        "body": [
            "US Treasury yields rose on Thursday after a $39 billion sale of 10-year notes drew tepid demand, "
            "a sign that investors want more compensation to hold long-term government debt.",
            "The notes were sold at a high yield of 4.142%, about 1.5 basis points above where they traded "
            "just before the bidding deadline. The bid-to-cover ratio, a gauge of demand, fell to 2.43 from "
            "2.61 at the previous auction.",
            "## Foreign demand softens",
            "Indirect bidders, a category that includes foreign central banks, took 63.2% of the sale, below "
            "the six-auction average. Primary dealers, who are obliged to bid, were left with 14.8% of the "
            "notes, the most since February.",
            "Strategists said the heavy supply calendar was weighing on the market. The Treasury is expected "
            "to keep auction sizes unchanged through the end of the year but has signalled increases may be "
            "needed in 2026 as deficits widen.",
            "@readmore /markets/2025/10/18/fed-holds-rates-steady/",
            "The benchmark 10-year yield ended the day at 4.13%, up seven basis points, while the 30-year "
            "bond yield climbed to 4.71%.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/markets/2023/04/28/dax-klettert-auf-rekordhoch/",
        "section": "markets",
        "title": "DAX klettert auf Rekordhoch – Anleger setzen auf ein Ende der Zinserhöhungen",
        "summary": "Starke Quartalszahlen und sinkende Inflationsraten trieben den deutschen Leitindex auf ein Allzeithoch.",
        "authors": ["Katrin Vogel"],
        "published": "2023-04-28T17:45:00+02:00",
        "modified": None,
        "lang": "de",
        "style": "visible",
        "tags": ["dax", "europe"],
        "image": ("Die DAX-Kurve auf der Anzeigetafel im Handelssaal der Frankfurter Börse.",
                  "Foto: Jens Albrecht / Harbor Street Wire"),
        "body": [
            "Der deutsche Leitindex DAX hat am Freitag erstmals seit Anfang 2022 wieder ein Rekordhoch "
            "erreicht. Zum Handelsschluss notierte das Börsenbarometer 0,8 Prozent fester bei 15.922 Punkten.",
            "Rückenwind kam von überraschend guten Quartalszahlen mehrerer Dax-Konzerne sowie von neuen "
            "Inflationsdaten, die eine weitere Abschwächung des Preisauftriebs in der Eurozone signalisierten.",
            "## Hoffnung auf die Zinswende",
            "Viele Anleger rechnen inzwischen damit, dass die Europäische Zentralbank ihre Zinserhöhungen im "
            "Sommer beenden wird. Am Anleihemarkt fiel die Rendite zehnjähriger Bundesanleihen auf 2,31 Prozent.",
            "> Der Markt preist bereits ein sehr freundliches Szenario ein, Rückschläge sind daher jederzeit möglich.",
            "Das sagte ein Aktienstratege einer Frankfurter Privatbank. Er verwies auf die weiterhin hohe "
            "Kerninflation und die schwache Industrieproduktion.",
            "## Autowerte gefragt",
            "Zu den größten Gewinnern gehörten Autowerte und Chemiekonzerne. Die Aktien eines großen "
            "Autobauers legten nach besser als erwarteten Margen um gut vier Prozent zu.",
            "Im Wochenverlauf summierte sich das Plus des DAX auf 1,2 Prozent, seit Jahresbeginn steht ein "
            "Zuwachs von mehr als 14 Prozent zu Buche.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/economy/2025/10/17/inflation-eases-september/",
        "section": "economy",
        "title": "US inflation eases to 2.9% in September as shelter costs cool",
        "summary": "Consumer prices rose less than expected, giving the Fed room to keep easing later this year.",
        "authors": ["Sarah Whitfield"],
        "published": "2025-10-17T08:30:00-04:00",
        "modified": None,
        "lang": "en",
        "style": "jsonld",
        "tags": ["inflation", "federal-reserve"],
        "image": ("Shoppers at a grocery store in Chicago.",
                  "Photo: Dana Kowalski / Harbor Street Wire"),
        "body": [
            "US consumer price inflation slowed to 2.9% in September from 3.1% in August, the Labor "
            "Department said on Friday, as housing costs rose at the slowest pace in almost four years.",
            "Economists polled ahead of the release had expected an annual rate of 3.0%. On a monthly basis "
            "the consumer price index rose 0.2%, in line with forecasts.",
            "## Core prices",
            "Core inflation, which excludes volatile food and energy costs, eased to 3.0% year on year. "
            "Shelter, the largest component of services prices, rose 0.2% in the month after averaging 0.3% "
            "over the previous six months.",
            "- Used car prices fell 0.4% on the month.",
            "- Airline fares dropped 1.8%, the third straight decline.",
            "- Prices for household furnishings rose 0.9%, reflecting higher import tariffs.",
            "> The shelter numbers are the good news we have been waiting for. Goods prices are the risk.",
            "That was the view of a senior economist at a New York investment bank, who added that tariff "
            "pass-through was likely to keep goods inflation elevated into early next year.",
            "Real average hourly earnings rose 0.8% from a year earlier, the report showed, meaning wage "
            "gains are still outpacing price increases for the typical worker.",
        ],
        "faq": [
            ("What is core inflation?",
             "Core inflation measures price changes excluding food and energy, whose prices swing sharply from month to month."),
            ("Why does shelter matter so much for inflation?",
             "Housing costs make up about a third of the consumer price index, so small changes move the headline figure."),
        ],
        "faq_jsonld": False,
        "disclaimer": None,
    },
    {
        "path": "/economy/2025/10/15/china-exports-beat-forecasts/",
        "section": "economy",
        "title": "China's exports beat forecasts despite tariff headwinds",
        "summary": "Shipments to Southeast Asia and Africa offset a sharp drop in sales to the United States.",
        "authors": ["Mei Lin"],
        "published": "2025-10-15T11:20:00+08:00",
        "modified": None,
        "lang": "en",
        "style": "og",
        "tags": ["china", "trade"],
        "image": ("Containers stacked at a port in Ningbo, Zhejiang province.",
                  "Photo: Chen Wei / Harbor Street Wire"),
        "body": [
            "China's exports grew faster than expected in September, customs data showed on Wednesday, as "
            "manufacturers found new buyers in emerging markets to make up for falling sales to the United States.",
            "Outbound shipments rose 8.3% from a year earlier in dollar terms, beating the 6.0% median "
            "forecast in a survey of economists and accelerating from 4.4% in August. Imports grew 7.4%.",
            "## Redirected trade",
            "Exports to the United States fell 27% from a year earlier, the sixth straight month of "
            "double-digit declines. Shipments to the ten members of the Association of Southeast Asian "
            "Nations rose 15.6%, while exports to Africa jumped 56%.",
            "> Chinese exporters have shown remarkable resilience, but some of this is front-loading that will fade.",
            "The trade surplus narrowed to $90.5 billion from $102.3 billion in August. Analysts cautioned "
            "that the strength partly reflected a low base of comparison from last year.",
            "Beijing has set an economic growth target of around 5% for this year. Third-quarter gross "
            "domestic product data are due next week.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/economy/2025/10/12/eurozone-factory-activity-shrinks/",
        "section": "economy",
        "title": "Eurozone factory activity shrinks for a third month as orders dry up",
        "summary": "The manufacturing purchasing managers' index fell to 48.7, dragged down by Germany and France.",
        "authors": ["Katrin Vogel", "Tom Brennan"],
        "published": "2025-10-12T10:00:00+02:00",
        "modified": None,
        "lang": "en",
        "style": "jsonld",
        "tags": ["europe", "manufacturing"],
        "image": ("A worker assembles gearboxes at a plant near Stuttgart.",
                  "Photo: Jens Albrecht / Harbor Street Wire"),
        "body": [
            "Manufacturing activity in the euro area contracted for a third consecutive month in October, a "
            "business survey showed, as new orders fell at the fastest pace since the start of the year.",
            "The HCOB eurozone manufacturing purchasing managers' index slipped to 48.7 from 49.5 in September. "
            "Readings below 50 indicate a contraction in activity.",
            "## Germany and France lag",
            "Germany's index dropped to 47.9, with carmakers and machinery producers reporting weaker export "
            "demand. In France the gauge fell to 47.2, its lowest level in ten months, while Spain and Italy "
            "remained in expansion territory.",
            "Factories cut staff for the 28th month in a row, though the pace of job losses eased. Input "
            "costs rose slightly as energy prices ticked higher.",
            "@readmore /markets/2023/04/28/dax-klettert-auf-rekordhoch/",
            "The European Central Bank, which has held its deposit rate at 2% since June, meets later this "
            "month. Policymakers have signalled they are comfortable with current settings unless the "
            "outlook deteriorates sharply.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/economy/2025/10/18/gdp-quy-iii-tang-truong/",
        "section": "economy",
        "title": "GDP quý III của Việt Nam tăng 8,2%, cao nhất trong ba năm",
        "summary": "Xuất khẩu và đầu tư công tăng mạnh giúp kinh tế Việt Nam tăng trưởng vượt kỳ vọng.",
        "authors": ["Nguyễn Minh Anh"],
        "published": "2025-10-18T09:15:00+07:00",
        "modified": None,
        "lang": "vi",
        "style": "visible",
        "tags": ["vietnam", "gdp"],
        "image": ("Hàng hóa được bốc xếp tại cảng Cát Lái, TP HCM.",
                  "Ảnh: Trần Quang / Harbor Street Wire"),
        "body": [
            "Tổng sản phẩm trong nước (GDP) quý III ước tăng 8,2% so với cùng kỳ năm trước, mức tăng cao "
            "nhất của quý III trong ba năm gần đây, theo số liệu của Cục Thống kê công bố sáng 18/10.",
            "Tính chung chín tháng, GDP tăng 7,85%, trong đó khu vực công nghiệp và xây dựng đóng góp nhiều "
            "nhất vào mức tăng trưởng chung.",
            "## Xuất khẩu là động lực chính",
            "Kim ngạch xuất khẩu hàng hóa chín tháng đạt khoảng 348 tỷ USD, tăng 16% so với cùng kỳ. Nhóm "
            "hàng điện tử, máy tính và linh kiện tiếp tục dẫn đầu, trong khi dệt may và da giày phục hồi rõ rệt.",
            "> Đà tăng trưởng hiện nay tạo nền tảng thuận lợi để hoàn thành mục tiêu tăng trưởng cả năm.",
            "Giải ngân vốn đầu tư công chín tháng đạt hơn 50% kế hoạch, cao hơn cùng kỳ năm ngoái. Nhiều dự "
            "án hạ tầng giao thông trọng điểm đang được đẩy nhanh tiến độ.",
            "## Lạm phát được kiểm soát",
            "Chỉ số giá tiêu dùng bình quân chín tháng tăng 3,27%, thấp hơn mục tiêu khoảng 4,5% mà Quốc hội "
            "đề ra. Giá lương thực và dịch vụ y tế là những yếu tố chính đẩy chỉ số đi lên.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/economy/2025/01/27/shunto-chinage-5-percent/",
        "section": "economy",
        "title": "春闘、賃上げ率5%超えの公算　日銀の追加利上げを後押し",
        "summary": "大手企業の回答が相次ぎ、2年連続で5%台の賃上げが視野に入った。",
        "authors": ["佐藤 健太"],
        "published": "2025-01-27T10:30:00+09:00",
        "modified": None,
        "lang": "ja",
        "style": "visible",
        "tags": ["japan", "wages"],
        "image": ("東京・丸の内のオフィス街を行き交う会社員。",
                  "写真: 山本 彩 / Harbor Street Wire"),
        "body": [
            "今年の春季労使交渉（春闘）で、賃上げ率が2年連続で5%を超える公算が大きくなった。大手労働組合の"
            "要求に対し、自動車や電機の主要企業が満額回答を示す例が相次いでいる。",
            "連合が集計した要求の平均は6.09%と、前年を上回る水準となった。人手不足と物価上昇が続くなか、"
            "企業の間では人材確保のための賃上げが定着しつつある。",
            "## 中小企業への波及が焦点",
            "一方で、中小企業では原材料費の上昇分を価格に転嫁できず、賃上げ余力が限られるとの声も根強い。"
            "政府は取引価格の適正化を促す指針を改定し、価格転嫁を後押しする。",
            "> 賃金と物価の好循環が強まっているかどうかを確認したい。",
            "日銀の総裁は記者会見でこう述べ、春闘の結果を追加利上げの判断材料として重視する考えを示した。",
            "市場では、春闘の集計結果を受けて日銀が年内に政策金利を0.75%へ引き上げるとの見方が広がっている。",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/crypto/2025/10/13/bitcoin-etf-inflows/",
        "section": "crypto",
        "title": "Bitcoin ETFs log $1.2 billion of weekly inflows as price nears record",
        "summary": "Spot bitcoin funds attracted their biggest inflows since July as institutional buyers returned.",
        "authors": ["Alex Moreno"],
        "published": "2025-10-13T18:45:00+00:00",
        "modified": None,
        "lang": "en",
        "style": "jsonld",
        "tags": ["bitcoin", "etf"],
        "image": ("A bitcoin ATM in a shopping mall in Miami.",
                  "Photo: Rosa Delgado / Harbor Street Wire"),
        "body": [
            "US-listed spot bitcoin exchange-traded funds took in $1.2 billion of new money last week, their "
            "largest weekly inflow since July, as the world's biggest cryptocurrency climbed back toward its "
            "all-time high.",
            "Bitcoin traded at $121,400 on Monday, up 6% over seven days and about 2% below the record set in "
            "August. Ether gained 4% to $4,380.",
            "## Institutions return",
            "The largest fund, run by a major asset manager, accounted for more than half of the inflows. "
            "Filings show pension funds and hedge funds added to positions during the third quarter.",
            "- Total assets in spot bitcoin ETFs rose to about $158 billion.",
            "- Ether ETFs attracted $310 million in the same week.",
            "- Options open interest on bitcoin reached a record on one derivatives exchange.",
            "> Flows tend to follow price in this market, and right now the momentum is hard to ignore.",
            "Analysts warned that leverage in futures markets has also built up, leaving prices vulnerable "
            "to sharp pullbacks if sentiment turns.",
            "@readmore /crypto/2025/10/07/stablecoin-rules-advance/",
        ],
        "faq": [
            ("What is a spot bitcoin ETF?",
             "It is an exchange-traded fund that holds bitcoin directly, letting investors gain exposure through a brokerage account."),
            ("Are bitcoin ETF inflows a reliable price signal?",
             "Not on their own. Flows often follow price moves rather than lead them, and they can reverse quickly."),
        ],
        "faq_jsonld": False,
        "disclaimer": DISCLAIMER_EN,
    },
    {
        "path": "/crypto/2025/10/10/ethereum-upgrade-date-set/",
        "section": "crypto",
        "title": "Ethereum developers set a December date for the next network upgrade",
        "summary": "The upgrade aims to cut costs for layer-2 networks and raise the blob limit.",
        "authors": ["Alex Moreno", "Jonas Becker"],
        "published": "2025-10-10T15:00:00+00:00",
        "modified": None,
        "lang": "en",
        "style": "og",
        "tags": ["ethereum"],
        "image": ("Developers at a blockchain conference in Berlin.",
                  "Photo: Jonas Becker / Harbor Street Wire"),
        "body": [
            "Ethereum's core developers agreed on Thursday to activate the network's next major upgrade in "
            "early December, after the final test deployment ran without serious problems.",
            "The upgrade is designed to make it cheaper for layer-2 networks to post data to the main chain "
            "by raising the number of data blobs each block can carry.",
            "## Why it matters",
            "Layer-2 networks process transactions off the main chain and settle them in batches. Lower data "
            "costs should translate into cheaper fees for users of those networks, developers said on the call.",
            "> This is the most important scaling change since last year's upgrade, and it was tested more carefully.",
            "Client teams have until mid-November to release compatible software. Node operators who fail "
            "to upgrade risk falling out of sync with the network.",
            "Ether has risen about 30% since the start of the year, outperforming bitcoin over the same period.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/crypto/2025/10/07/stablecoin-rules-advance/",
        "section": "crypto",
        "title": "Lawmakers advance stablecoin rules, clearing the path for bank-issued tokens",
        "summary": "A Senate committee approved rules for reserves, audits and redemption rights.",
        "authors": ["Priya Raman"],
        "published": "2025-10-07T12:10:00-04:00",
        "modified": None,
        "lang": "en",
        "style": "jsonld",
        "tags": ["stablecoins", "regulation"],
        "image": ("The US Capitol building in Washington.",
                  "Photo: Harbor Street Wire archive"),
        "body": [
            "A Senate committee on Tuesday approved implementing rules for dollar-backed stablecoins, a step "
            "that could allow banks to issue their own digital tokens as soon as next year.",
            "The rules set out how issuers must hold reserves, how often they are audited and how quickly "
            "holders must be able to redeem tokens for dollars.",
            "## Key requirements",
            "- Reserves must be held in cash, insured deposits or Treasury bills maturing within 93 days.",
            "- Issuers with more than $10 billion outstanding fall under federal supervision.",
            "- Monthly reserve reports must be examined by a registered accounting firm.",
            "> Clear rules are what large institutions have been waiting for before they commit.",
            "Industry groups welcomed the vote but said some reporting requirements would be costly for "
            "smaller issuers. Consumer advocates argued the rules did not go far enough to prevent runs.",
            "The total value of stablecoins in circulation has passed $300 billion, according to industry "
            "trackers, up from about $200 billion a year ago.",
        ],
        "faq": [],
        "disclaimer": None,
    },
    {
        "path": "/crypto/2024/08/05/bitcoin-kursrutsch/",
        "section": "crypto",
        "title": "Bitcoin rutscht unter 50.000 Dollar – Ausverkauf an den Kryptomärkten",
        "summary": "Die Sorge vor einer Rezession in den USA löste einen der heftigsten Kurseinbrüche des Jahres aus.",
        "authors": ["Jonas Becker"],
        "published": "2024-08-05T09:30:00+02:00",
        "modified": None,
        "lang": "de",
        "style": "visible",
        "tags": ["bitcoin"],
        "image": ("Eine Bitcoin-Münze vor einem Kurschart.",
                  "Foto: Jonas Becker / Harbor Street Wire"),
        "body": [
            "Der Bitcoin ist am Montagmorgen zeitweise unter die Marke von 50.000 Dollar gefallen. Innerhalb "
            "von 24 Stunden verlor die älteste Kryptowährung mehr als 15 Prozent ihres Wertes.",
            "Auslöser war ein weltweiter Ausverkauf an den Finanzmärkten. Schwache Arbeitsmarktdaten aus den "
            "USA hatten Befürchtungen vor einer Rezession in der größten Volkswirtschaft der Welt geschürt.",
            "## Zwangsliquidationen verstärken den Absturz",
            "Nach Angaben von Datenanbietern wurden binnen eines Tages gehebelte Positionen im Wert von mehr "
            "als einer Milliarde Dollar zwangsweise aufgelöst. Das beschleunigte den Kursrutsch zusätzlich.",
            "> Kryptowährungen verhalten sich in Stressphasen eben nicht wie ein sicherer Hafen.",
            "Auch andere Digitalwährungen gerieten unter Druck. Ether verlor zeitweise mehr als 20 Prozent "
            "und fiel auf den tiefsten Stand seit Jahresbeginn.",
        ],
        "faq": [],
        "disclaimer": DISCLAIMER_DE,
    },
]

# The partner wire re-publishes one story under its own path and chrome.
SYNDICATED = {
    "original": "/markets/2025/10/16/oil-prices-slide-opec-supply/",
    "path": "/partners/energy-wire/2025/10/16/oil-slides-as-opec-signals-faster-supply-return/",
    "title_suffix": " | Partner Wire",
}

# A real page under a robots.txt-disallowed prefix, linked from the home page.
PREVIEW_PAGE = {
    "path": "/preview/2025/q4-market-outlook-draft/",
    "title": "Q4 market outlook (subscriber preview, draft)",
    "body": [
        "Draft: our strategists expect equities to grind higher into year end, with leadership broadening "
        "beyond the largest technology companies.",
        "This preview is available to subscribers only and is not yet final.",
    ],
}

AUTHORS_BIO = {
    "Sarah Whitfield": "Sarah covers the Federal Reserve and US monetary policy from Washington.",
    "Daniel Okafor": "Daniel reports on oil, gas and the energy transition from London.",
    "Mei Lin": "Mei covers China's economy and Asian markets from Singapore.",
    "Priya Raman": "Priya covers Wall Street banks and financial regulation in New York.",
    "Tom Brennan": "Tom writes about bond markets and the US Treasury.",
    "Katrin Vogel": "Katrin berichtet aus Frankfurt über Märkte und die Europäische Zentralbank.",
    "Nguyễn Minh Anh": "Minh Anh viết về kinh tế vĩ mô Việt Nam từ Hà Nội.",
    "佐藤 健太": "東京を拠点に日本経済と金融政策を取材。",
    "Alex Moreno": "Alex covers digital assets and market structure.",
    "Jonas Becker": "Jonas covers crypto and fintech from Berlin.",
}
