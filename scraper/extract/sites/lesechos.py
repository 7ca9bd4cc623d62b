"""Les Echos (lesechos.fr), the French business daily.

Its class names are generated (styled-components: "sc-1pstb44-0 hPJEGy") and change with every
release, so the profile selects by structure and wording. Moved here from the global line rules,
where "Nos Vidéos" was a furniture line for every site.
"""

from datetime import date

from . import SiteProfile

PROFILE = SiteProfile(
    hosts=("lesechos.fr",),
    # The "Nos Vidéos" rail under the article: its heading and the video teasers beside it.
    drop=("//h2[normalize-space()='Nos Vidéos']/..",),
    valid_until=date(2027, 12, 31),  # markup seen in 2024: check the rail is still built this way by then
)
