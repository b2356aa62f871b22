from gongkai.portal.tests.disclosure_data import site  # noqa: F401
from gongkai.portal.tests.fixtures import *  # noqa: F403
