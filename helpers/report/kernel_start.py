"""The kernel manager of a report's notebooks (imported only when notebooks run: it needs
jupyter_client). A kernel on this very interpreter, whose own log goes to a file, started
while no other report kernel on the machine is starting, and started again once on new
ports when it does not answer."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager

from helpers.report import kernel
from helpers.report.records import KernelStartError


def kernel_spec(ipython_dir: Path) -> KernelSpec:
    """This interpreter, with a private IPython dir and fixed settings."""
    return KernelSpec(
        argv=[
            sys.executable,
            "-Xfrozen_modules=off",
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--IPKernelApp.log_level=ERROR",  # not the start-up notices, on every run
        ],
        display_name="Python 3 (media-analysis kit report)",
        language="python",
        env={
            "IPYTHONDIR": str(ipython_dir),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "PYTHONHASHSEED": "0",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "PYTHONWARNINGS": os.environ.get("PYTHONWARNINGS", ""),
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or "0",  # SVG charts' date
        },
    )


class _OneSpec(KernelSpecManager):
    """The same kernel spec for every kernel name a notebook asks for."""

    def __init__(self, spec: KernelSpec, **kw):
        super().__init__(**kw)
        self._spec = spec

    def get_kernel_spec(self, kernel_name):  # noqa: ARG002 — one kernel for every name
        return self._spec


class _QuietKernelManager(AsyncKernelManager):
    """Sends the kernel process's own log (not cell output) to a file in the private
    IPython dir (beside the connection file): ipykernel can log a harmless ZMQ traceback
    while shutting down, which would otherwise land on the user's terminal after a
    successful run."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        log_path = Path(self.connection_file).parent / "kernel.log"
        log = open(log_path, "ab")  # noqa: SIM115 — lives with the kernel
        kw.setdefault("stderr", log)
        kw.setdefault("stdout", log)
        try:
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        finally:
            log.close()  # the child holds its own copy of the descriptor

    async def start_kernel(self, **kw):  # what nbclient calls
        """Start the kernel while no other report kernel on this machine is starting,
        and wait until it answers; if it dies or does not answer, try once more on new
        ports. jupyter_client picks free ports by binding and releasing them, so two
        kernels starting at once could pick the same one ("Kernel died before replying
        to kernel_info")."""
        with kernel.kernel_start_lock():
            for _ in range(kernel.KERNEL_START_ATTEMPTS):
                await super()._async_start_kernel(**kw)
                if await kernel.answers(self):
                    return
                await self._async_shutdown_kernel(now=True, restart=True)  # keeps zmq
                self.cleanup_connection_file()
                for name in ("shell", "iopub", "stdin", "hb", "control"):
                    setattr(self, f"{name}_port", 0)  # choose new ports next time
            raise KernelStartError(
                f"the notebook kernel did not start ({kernel.KERNEL_START_ATTEMPTS} attempts) "
                "— run the report again; if it keeps failing, check that "
                f"{sys.executable} -m ipykernel_launcher runs"
            )


def new_kernel_manager(ipython_dir: Path) -> AsyncKernelManager:
    """A kernel manager whose connection file (it holds the kernel's key) goes into the run's
    private folder, removed with it; left to itself jupyter_client writes one to the
    temporary folder that nothing removes."""
    fd, connection = tempfile.mkstemp(prefix="kernel-", suffix=".json", dir=ipython_dir)
    os.close(fd)
    return _QuietKernelManager(
        kernel_name="python3",
        kernel_spec_manager=_OneSpec(kernel_spec(ipython_dir)),
        connection_file=connection,
    )
