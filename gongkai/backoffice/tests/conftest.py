from gongkai.portal.tests.fixtures import *  # noqa: F403
