"""The prose of the fixture q4_2025_release: the cover page of the 6-K, the
release's text with its figures (in millions, as the samples print them) and
the closing sections (see make_q4.py)."""
from __future__ import annotations

from decimal import Decimal

from q4_figures import (
    ADS_OUT, CAPEX, CAPEX_USD_2025, COST_PARTS, EPS, RATE, RMB_COLS, SHARES_OUT, USD_OF, eps_usd, margin, q,
)


def mil(v: int) -> str:
    """RMB thousands -> '2,761.4' (millions, one decimal)."""
    return f"{q(Decimal(abs(v)) / 1000, '0.1'):,}"


def rmb(v: int) -> str:
    return f"RMB{mil(v)} million"


# RMB figure -> the US$ figure printed for it in a table (a US$ total is the sum
# of its US$ parts, so it can differ from RMB / rate by a unit or two)
USD_PRINTED: dict[int, int] = {}


def usd(v: int) -> str:
    u = USD_PRINTED.get(v, int(q(Decimal(v) / RATE)))
    return f"US\\${mil(u)} million"


def both(v: int) -> str:
    return f"{rmb(v)} ({usd(v)})"


def pct_change(new: int, old: int) -> str:
    return f"{q((Decimal(new) - Decimal(old)) * 100 / abs(Decimal(old)), '0.1')}%"


def note_usd_printed(data) -> None:
    """Remember the US$ figure the tables print for each RMB figure (prose quotes it)."""
    for vals in data.values():
        for ucol, rcol in USD_OF.items():
            if vals[rcol] is not None:
                USD_PRINTED.setdefault(abs(vals[rcol]), abs(vals[ucol]))


# the columns the prose compares: this quarter, last quarter, a year ago, the year, the year before
R, Q3, Q4p, FY, FYp = "q4_25", "q3_25", "q4_24", "fy25", "fy24"


def _margins(d, name: str) -> dict[str, Decimal]:
    return {col: margin(d, name, col) for col in RMB_COLS}


def prose(d) -> str:
    """The release's text, from its title to the shares outstanding."""
    return quarter_prose(d) + year_prose(d)


def quarter_prose(d) -> str:
    g = lambda k, col: d[k][col]  # noqa: E731
    gm, agm, em = _margins(d, "GrossMargin"), _margins(d, "AdjustedGrossMargin"), _margins(d, "AdjustedEbitdaMargin")
    return f"""**Kingsoft Cloud Announces Unaudited Fourth Quarter and Fiscal Year 2025 Financial Results**

Kingsoft Cloud Holdings Limited (“Kingsoft Cloud” or the “Company”) (NASDAQ: KC and HKEX: 3896), a leading cloud service provider in China, today announced its unaudited financial results for the fourth quarter and the fiscal year ended December 31, 2025.

Mr. Tao Zou, Chairman of the Board and Chief Executive Officer of Kingsoft Cloud, commented: “2025 was the year in which AI became the main engine of our growth. We kept investing in computing power for our ecosystem and enterprise customers, and we closed the year with our highest quarterly revenue so far.”

Ms. Yi Li, Chief Financial Officer of Kingsoft Cloud, added, “For the full year 2025, our total revenues reached {rmb(g('Revenues', FY))}, an increase of {pct_change(g('Revenues', FY), g('Revenues', FYp))} year-over-year, and our adjusted EBITDA margin was {em[FY]}%, compared with {em[FYp]}% for the full year 2024.”

**Fourth Quarter 2025 Financial Results**

**Total Revenues** reached {both(g('Revenues', R))}<sup>1</sup> in the fourth quarter of 2025, increased by {pct_change(g('Revenues', R), g('Revenues', Q4p))} year-over-year from {rmb(g('Revenues', Q4p))} in the fourth quarter of 2024, and increased by {pct_change(g('Revenues', R), g('Revenues', Q3))} quarter-over-quarter from {rmb(g('Revenues', Q3))} last quarter.

Revenues from public cloud services were {both(g('RevenuePublicCloudServices', R))} in the fourth quarter of 2025, compared with {rmb(g('RevenuePublicCloudServices', Q4p))} in the fourth quarter of 2024 and {rmb(g('RevenuePublicCloudServices', Q3))} last quarter.

Revenues from enterprise cloud services were {both(g('RevenueEnterpriseCloudServices', R))} in the fourth quarter of 2025, compared with {rmb(g('RevenueEnterpriseCloudServices', Q4p))} in the fourth quarter of 2024 and {rmb(g('RevenueEnterpriseCloudServices', Q3))} last quarter.

<sup>1</sup> This announcement contains translations of certain Renminbi (RMB) amounts into U.S. dollars (US\\$) at a specified rate solely for the convenience of the reader. Unless otherwise noted, the translation of RMB into US\\$ has been made at RMB6.9931 to US\\$1.00, the noon buying rate in effect on December 31, 2025 as certified for customs purposes by the Federal Reserve Bank of New York.

---

**Cost of revenues** was {both(g('CostOfRevenue', R))} in the fourth quarter of 2025, compared with {rmb(g('CostOfRevenue', Q4p))} in the fourth quarter of 2024. IDC costs were {both(COST_PARTS['CostOfRevenueIdc'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueIdc'][1])} in the fourth quarter of 2024. Depreciation and amortization costs were {both(COST_PARTS['CostOfRevenueDepreciationAndAmortization'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueDepreciationAndAmortization'][1])} in the fourth quarter of 2024, mainly due to the depreciation of servers acquired for the AI business. Solution development and services costs were {both(COST_PARTS['CostOfRevenueSolutionDevelopmentAndServices'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueSolutionDevelopmentAndServices'][1])} in the fourth quarter of 2024. Fulfillment costs were {both(COST_PARTS['CostOfRevenueFulfillment'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueFulfillment'][1])} in the fourth quarter of 2024. Other costs were {both(COST_PARTS['CostOfRevenueOther'][0])} this quarter, compared with {rmb(COST_PARTS['CostOfRevenueOther'][1])} in the fourth quarter of 2024.

**Gross profit** was {both(g('GrossProfit', R))} in the fourth quarter of 2025, compared with {rmb(g('GrossProfit', Q4p))} in the fourth quarter of 2024 and {rmb(g('GrossProfit', Q3))} last quarter. **Gross margin** was {gm[R]}% in the fourth quarter of 2025, compared with {gm[Q4p]}% in the fourth quarter of 2024 and {gm[Q3]}% last quarter. **Non-GAAP gross profit**<sup>2</sup> was {both(g('AdjustedGrossProfit', R))}, compared with {rmb(g('AdjustedGrossProfit', Q4p))} in the fourth quarter of 2024. **Non-GAAP gross margin**<sup>2</sup> was {agm[R]}%, compared with {agm[Q4p]}% in the fourth quarter of 2024.

**Total operating expenses** were {both(g('OperatingExpenses', R))} in the fourth quarter of 2025, compared with {rmb(g('OperatingExpenses', Q4p))} in the fourth quarter of 2024, which included an impairment of long-lived assets of {rmb(g('ImpairmentOfLongLivedAssets', Q4p))}, and {rmb(g('OperatingExpenses', Q3))} last quarter. Among which:

**Selling and marketing expenses** were {both(g('SellingAndMarketingExpense', R))}, compared with {rmb(g('SellingAndMarketingExpense', Q4p))} in the fourth quarter of 2024 and {rmb(g('SellingAndMarketingExpense', Q3))} last quarter.

**General and administrative expenses** were {both(g('GeneralAndAdministrativeExpense', R))}, compared with {rmb(g('GeneralAndAdministrativeExpense', Q4p))} in the fourth quarter of 2024 and {rmb(g('GeneralAndAdministrativeExpense', Q3))} last quarter. From this quarter on, the provision for credit losses is presented as a separate line; it was {both(g('?Provision_for_credit_losses', R))} in the fourth quarter of 2025, compared with {rmb(g('?Provision_for_credit_losses', Q4p))} in the fourth quarter of 2024.

**Research and development expenses** were {both(g('ResearchAndDevelopmentExpense', R))}, compared with {rmb(g('ResearchAndDevelopmentExpense', Q4p))} in the fourth quarter of 2024 and {rmb(g('ResearchAndDevelopmentExpense', Q3))} last quarter.

**Operating loss** was {both(g('OperatingIncomeLoss', R))} in the fourth quarter of 2025, compared with an operating loss of {rmb(g('OperatingIncomeLoss', Q4p))} in the fourth quarter of 2024 and an operating income of {rmb(g('OperatingIncomeLoss', Q3))} last quarter. **Non-GAAP operating profit**<sup>3</sup> was {both(g('AdjustedOperatingIncomeLoss', R))}, compared with a non-GAAP operating loss of {rmb(g('AdjustedOperatingIncomeLoss', Q4p))} in the fourth quarter of 2024 and a non-GAAP operating profit of {rmb(g('AdjustedOperatingIncomeLoss', Q3))} last quarter.

<sup>2</sup> Non-GAAP gross profit is defined as gross profit excluding share-based compensation expenses allocated in the cost of revenues, and we define Non-GAAP gross margin as Non-GAAP gross profit as a percentage of revenues. See “Use of Non-GAAP Financial Measures” set forth at the end of this press release.

<sup>3</sup> Non-GAAP operating income (loss) is defined as operating income (loss) excluding share-based compensation expenses, impairment of long-lived assets and amortization of intangible assets, and we define Non-GAAP operating income (loss) margin as Non-GAAP operating income (loss) as a percentage of revenues.

---

**Net loss** was {both(g('ProfitLoss', R))} in the fourth quarter of 2025, compared with {rmb(g('ProfitLoss', Q4p))} in the fourth quarter of 2024 and a net income of {rmb(g('ProfitLoss', Q3))} last quarter. **Non-GAAP net loss**<sup>4</sup> was {both(g('AdjustedNetIncomeLoss', R))}, compared with {rmb(g('AdjustedNetIncomeLoss', Q4p))} in the fourth quarter of 2024 and a non-GAAP net income of {rmb(g('AdjustedNetIncomeLoss', Q3))} last quarter.

**Non-GAAP EBITDA**<sup>5</sup> was {both(g('AdjustedEbitda', R))} in the fourth quarter of 2025, compared with {rmb(g('AdjustedEbitda', Q4p))} in the fourth quarter of 2024 and {rmb(g('AdjustedEbitda', Q3))} last quarter. **Non-GAAP EBITDA margin** was {em[R]}%, compared with {em[Q4p]}% in the fourth quarter of 2024 and {em[Q3]}% last quarter.

**Basic and diluted net loss per share** was RMB{abs(Decimal(EPS[R]))} (US\\${abs(Decimal(eps_usd(d)))}) in the fourth quarter of 2025, compared with RMB{abs(Decimal(EPS[Q4p]))} in the fourth quarter of 2024.

"""


def year_prose(d) -> str:
    g = lambda k, col: d[k][col]  # noqa: E731
    gm = _margins(d, "GrossMargin")
    return f"""**Fiscal Year 2025 Financial Results**

**Total Revenues** for the full year 2025 were {both(g('Revenues', FY))}, an increase of {pct_change(g('Revenues', FY), g('Revenues', FYp))} from {rmb(g('Revenues', FYp))} for the full year 2024. Revenues from public cloud services were {both(g('RevenuePublicCloudServices', FY))} for the full year 2025, compared with {rmb(g('RevenuePublicCloudServices', FYp))} for the full year 2024. Revenues from enterprise cloud services were {both(g('RevenueEnterpriseCloudServices', FY))} for the full year 2025, compared with {rmb(g('RevenueEnterpriseCloudServices', FYp))} for the full year 2024.

**Gross profit** for the full year 2025 was {both(g('GrossProfit', FY))}, compared with {rmb(g('GrossProfit', FYp))} for the full year 2024. **Gross margin** was {gm[FY]}% for the full year 2025, compared with {gm[FYp]}% for the full year 2024.

**Operating loss** for the full year 2025 was {both(g('OperatingIncomeLoss', FY))}, compared with {rmb(g('OperatingIncomeLoss', FYp))} for the full year 2024. **Net loss** for the full year 2025 was {both(g('ProfitLoss', FY))}, narrowed from {rmb(g('ProfitLoss', FYp))} for the full year 2024. **Non-GAAP EBITDA** for the full year 2025 was {both(g('AdjustedEbitda', FY))}, compared with {rmb(g('AdjustedEbitda', FYp))} for the full year 2024.

For the full year 2025, our total capital expenditures including those financed by third parties were {rmb(CAPEX[0])} (US\\${mil(CAPEX_USD_2025)} million), compared with {rmb(CAPEX[1])} for the full year 2024.

**Basic and diluted net loss per share** for the full year 2025 was RMB{abs(Decimal(EPS[FY]))} (US\\${abs(Decimal(EPS['fy25u']))}), compared with RMB{abs(Decimal(EPS[FYp]))} for the full year 2024.

**Cash and cash equivalents** were {rmb(6018043)} (US\\$860.6 million) as of December 31, 2025, compared with {rmb(2648764)} as of December 31, 2024.

**Outstanding ordinary shares** were {SHARES_OUT:,} as of December 31, 2025, equivalent to about {ADS_OUT:,} ADSs.
"""


COVER = """
---

---

**UNITED STATES  
SECURITIES AND EXCHANGE COMMISSION**  
Washington, D.C. 20549

---

**FORM 6-K**

---

**REPORT OF FOREIGN ISSUER  
PURSUANT TO RULE 13a-16 OR 15d-16 OF  
THE SECURITIES EXCHANGE ACT OF 1934**

**For the month of March 2026**

**Commission file number: 001-39278**

---

**Kingsoft Cloud Holdings Limited**  
(Exact Name of Registrant as Specified in Its Charter)

---

**Building D, Xiaomi Science and Technology Park, No. 33 Xierqi Middle Road,  
Haidian District  
Beijing, 100085, the People's Republic of China  
(Address of Principal Executive Offices)**

---

Indicate by check mark whether the registrant files or will file annual reports under cover Form 20-F or Form 40-F.

Form 20-F  Form 40-F

---

---

## EXHIBIT INDEX

<b>Exhibit No.</b>	<b>Description</b>
<a href="#">99.1</a>	<a href="#">Press Release — Kingsoft Cloud Announces Unaudited Fourth Quarter and Fiscal Year 2025 Financial Results</a>

---

**SIGNATURE**

Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned, thereunto duly authorized.

Kingsoft Cloud Holdings Limited

Date: March 25, 2026

By: /s/ Yi Li

\\_\\_\\_\\_\\_  
Name: Yi Li

Title: Chief Financial Officer

---
"""

TAIL_PROSE = """### **Use of Non-GAAP Financial Measures**

The unaudited condensed consolidated financial information is prepared in conformity with accounting principles generally accepted in the United States of America ("U.S. GAAP"). In evaluating our business, we consider and use certain non-GAAP measures, Non-GAAP gross profit, Non-GAAP gross margin, Non-GAAP operating income (loss), Non-GAAP operating income (loss) margin, Non-GAAP EBITDA, Non-GAAP EBITDA margin, Non-GAAP net income (loss) and Non-GAAP net income (loss) margin, as supplemental measures to review and assess our operating performance. The presentation of these non-GAAP financial measures is not intended to be considered in isolation or as a substitute for the financial information prepared and presented in accordance with U.S. GAAP.

<sup>4</sup> Non-GAAP net income (loss) is defined as net income (loss) excluding share-based compensation expenses, foreign exchange (gain) loss and impairment of long-lived assets, and we define Non-GAAP net income (loss) margin as Non-GAAP net income (loss) as a percentage of revenues.

<sup>5</sup> Non-GAAP EBITDA is defined as Non-GAAP net income (loss) excluding interest income, interest expense, income tax expense (benefit) and depreciation and amortization, and we define Non-GAAP EBITDA margin as Non-GAAP EBITDA as a percentage of revenues.

### **Exchange Rate Information**

This press release contains translations of certain RMB amounts into U.S. dollars at specified rates solely for the convenience of readers. Unless otherwise noted, all translations from RMB to U.S. dollars, in this press release, were made at a rate of RMB6.9931 to US\\$1.00, the noon buying rate in effect on December 31, 2025 as certified for customs purposes by the Federal Reserve Bank of New York.

### **Safe Harbor Statement**

This announcement contains forward-looking statements. These statements are made under the “safe harbor” provisions of the U.S. Private Securities Litigation Reform Act of 1995. Statements that are not historical facts, including statements about Kingsoft Cloud’s beliefs and expectations, are forward-looking statements. Forward-looking statements involve inherent risks and uncertainties, and Kingsoft Cloud does not undertake any obligation to update any forward-looking statement, except as required under applicable law.

### **About Kingsoft Cloud Holdings Limited**

Kingsoft Cloud Holdings Limited (NASDAQ: KC and HKEX:3896) is a leading cloud service provider in China.

**For investor and media inquiries, please contact:**

Kingsoft Cloud Holdings Limited  
Wayne Wang  
Email: [ksc-ir@kingsoft.com](mailto:ksc-ir@kingsoft.com)
"""
